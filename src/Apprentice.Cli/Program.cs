using System.CommandLine;
using Apprentice.Cli.Verbs;

namespace Apprentice.Cli;

/// <summary>The <c>apprentice</c> command: thin verbs over the libraries.</summary>
public static class Program
{
    /// <summary>Entry point; returns the process exit code.</summary>
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

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
