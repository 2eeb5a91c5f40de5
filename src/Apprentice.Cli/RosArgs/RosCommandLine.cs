using System.CommandLine;
using Apprentice.Dds.Cyclone;
using Apprentice.Nodes.Parameters;
using Apprentice.Ros.Args;
using Apprentice.Ros.Names;
using Serilog.Events;

namespace Apprentice.Cli.RosArgs;

/// <summary>
/// The <c>--ros-args … [--]</c> sections of the process's command line (as <c>ros2 run</c> and
/// <c>ros2 launch</c> pass them), split off before System.CommandLine sees the rest, and what they
/// mean for one node: its name and namespace (<c>-r __node:=</c>, <c>-r __ns:=</c>), remaps,
/// parameters (<c>--params-file</c>, <c>-p</c>) and log level.
/// </summary>
/// <remarks>
/// <see cref="Current"/> is process-wide state set once by <see cref="Program.Run"/> before any verb
/// runs (a CLI process runs one verb); tests set it explicitly.
/// </remarks>
internal static class RosCommandLine
{
    /// <summary>The ROS arguments of this process; empty when none were given.</summary>
    public static RosArguments Current { get; set; } = new();

    /// <summary>Splits <paramref name="args"/> into the program's own arguments and the ROS ones.</summary>
    /// <exception cref="RosArgumentException">A malformed <c>--ros-args</c> section or a missing params file.</exception>
    public static (string[] Cli, RosArguments Ros) Split(IReadOnlyList<string> args)
    {
        var ros = RosArgumentParser.Parse(args);
        return ([.. ros.Unparsed], ros);
    }

    /// <summary>What <see cref="Current"/> says for the node whose default name is <paramref name="defaultNodeName"/>.</summary>
    public static RosNode For(string defaultNodeName) => new(Current, defaultNodeName);

    /// <summary>True when the user gave <paramref name="option"/> on the command line (not just its default).</summary>
    public static bool WasGiven(this ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };
}

/// <summary>One node's view of the ROS arguments.</summary>
/// <param name="Ros">All ROS arguments of the process.</param>
/// <param name="DefaultNodeName">The name the node has unless remapped (what <c>node:</c>-prefixed rules refer to).</param>
internal sealed record RosNode(RosArguments Ros, string DefaultNodeName)
{
    /// <summary>Node name after <c>__node</c> remapping.</summary>
    public string NodeName => RemapResolver.ResolveNode(DefaultNodeName, "/", Ros.Remaps).NodeName;

    /// <summary>Namespace after <c>__ns</c> remapping.</summary>
    public string Namespace => RemapResolver.ResolveNode(DefaultNodeName, "/", Ros.Remaps).Namespace;

    /// <summary><c>/ns/name</c>.</summary>
    public string FullyQualifiedName => RosNames.FullyQualifiedNodeName(NodeName, Namespace);

    /// <summary>The node's parameters: params files in order, then <c>-p</c> (later wins).</summary>
    public IReadOnlyDictionary<string, RosParameterValue> Parameters => Ros.ParametersFor(DefaultNodeName, FullyQualifiedName);

    /// <summary>DDS node options on <c>ROS_DOMAIN_ID</c> with the remaps, enclave and QoS overrides applied.</summary>
    public DdsNodeOptions NodeOptions() => new DdsNodeOptions { NodeName = DefaultNodeName }.WithDomainFromEnvironment().WithRosArguments(Ros);

    /// <summary>Applies the node's parameters to <paramref name="defaults"/>.</summary>
    /// <exception cref="RosArgumentException">An unknown parameter or a wrong value.</exception>
    public T Bind<T>(ParameterBinder<T> binder, T defaults) => binder.Bind(defaults, Parameters);

    /// <summary>The Serilog level for <c>--log-level</c> (default or this node's logger), else <paramref name="fallback"/>.</summary>
    public LogEventLevel LogLevel(LogEventLevel fallback = LogEventLevel.Information)
    {
        var level = Ros.LoggerLevels.TryGetValue(NodeName, out var mine) ? mine : Ros.LogLevel;
        return level switch
        {
            RosLogLevel.Debug => LogEventLevel.Debug,
            RosLogLevel.Info => LogEventLevel.Information,
            RosLogLevel.Warn => LogEventLevel.Warning,
            RosLogLevel.Error => LogEventLevel.Error,
            RosLogLevel.Fatal => LogEventLevel.Fatal,
            _ => fallback,
        };
    }
}
