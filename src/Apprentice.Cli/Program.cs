using System.CommandLine;
using Apprentice.Cli.RosArgs;
using Apprentice.Cli.Verbs;
using Apprentice.Ros.Args;

namespace Apprentice.Cli;

/// <summary>The <c>apprentice</c> command: thin verbs over the libraries.</summary>
public static class Program
{
    /// <summary>Entry point; returns the process exit code.</summary>
    public static int Main(string[] args) => Run(args);

    /// <summary>
    /// Splits off <c>--ros-args … [--]</c> (kept in <see cref="RosCommandLine.Current"/> for the node
    /// verbs), then parses and runs the rest.
    /// </summary>
    public static int Run(IReadOnlyList<string> args, InvocationConfiguration? config = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        string[] cli;
        try
        {
            (cli, RosCommandLine.Current) = RosCommandLine.Split(args);
        }
        catch (RosArgumentException e)
        {
            (config?.Error ?? Console.Error).WriteLine(e.Message);
            return 2;
        }

        var parsed = BuildRoot().Parse(cli);
        return config is null ? parsed.Invoke() : parsed.Invoke(config);
    }

    /// <summary>The root command with every verb that exists (used by tests too).</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "Apprentice: a ROS 2 robot-control stack for imitation learning " +
            "(record demonstrations, learn a policy, run it under a latency budget behind a safety planner).");
        foreach (var verb in VerbCatalog.All())
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }
}
