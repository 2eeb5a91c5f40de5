namespace Apprentice.Ros.Args;

/// <summary>ROS log severities as <c>--log-level</c> takes them.</summary>
public enum RosLogLevel
{
    /// <summary>Not set (inherit).</summary>
    Unset,
    /// <summary>debug.</summary>
    Debug,
    /// <summary>info.</summary>
    Info,
    /// <summary>warn.</summary>
    Warn,
    /// <summary>error.</summary>
    Error,
    /// <summary>fatal.</summary>
    Fatal,
}

/// <summary>A parameter given with <c>-p [node:]name:=value</c>.</summary>
/// <param name="Node">When set, only for the node with this name.</param>
/// <param name="Name">Parameter name (dotted).</param>
/// <param name="Value">Typed value.</param>
public sealed record RosParameterOverride(string? Node, string Name, RosParameterValue Value);

/// <summary>What the <c>--ros-args</c> sections of a command line said. Immutable.</summary>
public sealed record RosArguments
{
    /// <summary>Remap rules in command-line order (first match wins).</summary>
    public IReadOnlyList<RosRemap> Remaps { get; init; } = [];

    /// <summary><c>-p</c> parameters in command-line order.</summary>
    public IReadOnlyList<RosParameterOverride> Parameters { get; init; } = [];

    /// <summary><c>--params-file</c> files in command-line order.</summary>
    public IReadOnlyList<ParamsFile> ParamsFiles { get; init; } = [];

    /// <summary>Default level from <c>--log-level LEVEL</c>; <see cref="RosLogLevel.Unset"/> when not given.</summary>
    public RosLogLevel LogLevel { get; init; }

    /// <summary>Per-logger levels from <c>--log-level name:=LEVEL</c>.</summary>
    public IReadOnlyDictionary<string, RosLogLevel> LoggerLevels { get; init; } = new Dictionary<string, RosLogLevel>();

    /// <summary>Security enclave from <c>-e</c>/<c>--enclave</c>; null when not given.</summary>
    public string? Enclave { get; init; }

    /// <summary><c>--disable-rosout-logs</c> and friends: false when disabled.</summary>
    public bool RosoutLogs { get; init; } = true;

    /// <summary>False after <c>--disable-stdout-logs</c>.</summary>
    public bool StdoutLogs { get; init; } = true;

    /// <summary>Arguments outside <c>--ros-args</c> sections, in order (for the program itself).</summary>
    public IReadOnlyList<string> Unparsed { get; init; } = [];

    /// <summary>
    /// Parameters for one node: files first (in order; later blocks win), then <c>-p</c>
    /// (later wins), as rclcpp applies overrides.
    /// </summary>
    /// <param name="nodeName">The node's original name (for <c>node:</c>-prefixed <c>-p</c>).</param>
    /// <param name="nodeFullyQualifiedName">The node's resolved <c>/ns/name</c> (for file keys).</param>
    public IReadOnlyDictionary<string, RosParameterValue> ParametersFor(string nodeName, string nodeFullyQualifiedName)
    {
        var result = new Dictionary<string, RosParameterValue>(StringComparer.Ordinal);
        foreach (var file in ParamsFiles)
        {
            foreach (var kv in file.For(nodeFullyQualifiedName))
            {
                result[kv.Key] = kv.Value;
            }
        }

        foreach (var p in Parameters)
        {
            if (p.Node is null || p.Node == nodeName)
            {
                result[p.Name] = p.Value;
            }
        }

        return result;
    }
}
