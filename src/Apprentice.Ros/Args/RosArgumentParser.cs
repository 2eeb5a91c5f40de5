namespace Apprentice.Ros.Args;

/// <summary>
/// Parses command lines as <c>ros2 run</c> / <c>ros2 launch</c> pass them: ROS arguments between
/// <c>--ros-args</c> and <c>--</c> (or the end); several sections allowed. Pure apart from
/// reading <c>--params-file</c> files.
/// </summary>
public static class RosArgumentParser
{
    private static readonly string[] Known =
    [
        "-r/--remap", "-p/--param", "--params-file", "--log-level", "-e/--enclave", "--log-config-file",
        "--enable-rosout-logs", "--disable-rosout-logs", "--enable-stdout-logs", "--disable-stdout-logs",
        "--enable-external-lib-logs", "--disable-external-lib-logs",
    ];

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="RosArgumentException">An unknown flag inside <c>--ros-args</c>, a flag without its value, or a malformed value; the message names it.</exception>
    public static RosArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var remaps = new List<RosRemap>();
        var parameters = new List<RosParameterOverride>();
        var files = new List<ParamsFile>();
        var loggerLevels = new Dictionary<string, RosLogLevel>(StringComparer.Ordinal);
        var unparsed = new List<string>();
        var result = new RosArguments();
        var inRos = false;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--ros-args")
            {
                inRos = true;
                continue;
            }

            if (!inRos)
            {
                unparsed.Add(a);
                continue;
            }

            if (a == "--")
            {
                inRos = false;
                continue;
            }

            switch (a)
            {
                case "-r" or "--remap":
                    remaps.Add(RosRemap.Parse(Value(args, ref i, a)));
                    break;
                case "-p" or "--param":
                    parameters.Add(ParseParam(Value(args, ref i, a)));
                    break;
                case "--params-file":
                    files.Add(ParamsFile.Load(Value(args, ref i, a)));
                    break;
                case "--log-level":
                    var level = Value(args, ref i, a);
                    var sep = level.IndexOf(":=", StringComparison.Ordinal);
                    if (sep < 0)
                    {
                        result = result with { LogLevel = ParseLevel(level) };
                    }
                    else
                    {
                        loggerLevels[level[..sep]] = ParseLevel(level[(sep + 2)..]);
                    }

                    break;
                case "-e" or "--enclave":
                    var enclave = Value(args, ref i, a);
                    if (!enclave.StartsWith('/'))
                    {
                        throw new RosArgumentException($"Enclave '{enclave}' must be an absolute name such as '/' or '/robot'.");
                    }

                    result = result with { Enclave = enclave };
                    break;
                case "--log-config-file":
                    _ = Value(args, ref i, a);
                    break;
                case "--enable-rosout-logs":
                    result = result with { RosoutLogs = true };
                    break;
                case "--disable-rosout-logs":
                    result = result with { RosoutLogs = false };
                    break;
                case "--enable-stdout-logs":
                    result = result with { StdoutLogs = true };
                    break;
                case "--disable-stdout-logs":
                    result = result with { StdoutLogs = false };
                    break;
                case "--enable-external-lib-logs" or "--disable-external-lib-logs":
                    break;
                default:
                    throw new RosArgumentException(
                        $"Unknown ROS argument '{a}' after --ros-args. Known: {string.Join(", ", Known)}. " +
                        "End the ROS arguments with '--' to pass other arguments to the program.");
            }
        }

        return result with { Remaps = remaps, Parameters = parameters, ParamsFiles = files, LoggerLevels = loggerLevels, Unparsed = unparsed };
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string flag)
    {
        if (i + 1 >= args.Count || args[i + 1] == "--" || args[i + 1] == "--ros-args")
        {
            throw new RosArgumentException($"ROS argument '{flag}' needs a value.");
        }

        return args[++i];
    }

    private static RosParameterOverride ParseParam(string text)
    {
        var sep = text.IndexOf(":=", StringComparison.Ordinal);
        if (sep <= 0)
        {
            throw new RosArgumentException($"Parameter '{text}' must look like 'name:=value' (optionally 'node:name:=value').");
        }

        var name = text[..sep];
        string? node = null;
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            node = name[..colon];
            name = name[(colon + 1)..];
        }

        if (name.Length == 0 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '_' and not '.' and not '/'))
        {
            throw new RosArgumentException($"Parameter '{text}': '{name}' is not a valid parameter name.");
        }

        return new RosParameterOverride(node, name, RosParameterValue.ParseYaml(text[(sep + 2)..], $"Parameter '{name}'"));
    }

    private static RosLogLevel ParseLevel(string text) => text.ToLowerInvariant() switch
    {
        "debug" => RosLogLevel.Debug,
        "info" => RosLogLevel.Info,
        "warn" or "warning" => RosLogLevel.Warn,
        "error" => RosLogLevel.Error,
        "fatal" => RosLogLevel.Fatal,
        "unset" => RosLogLevel.Unset,
        _ => throw new RosArgumentException($"Log level '{text}' is not one of debug, info, warn, error, fatal, unset."),
    };
}
