using System.CommandLine;
using Apprentice.Cli.RosArgs;
using Apprentice.Core;
using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Parameters;
using Apprentice.Dds.Timing;
using Apprentice.Nodes.Policy;
using Apprentice.Ros.Args;
using Apprentice.Ros.Names;
using Serilog;

namespace Apprentice.Cli.Verbs;

/// <summary>
/// <c>apprentice policy</c> (installed as <c>apprentice_policy</c>): the managed policy node over
/// Cyclone DDS, configured by <c>--ros-args</c> (<c>-p</c>, <c>--params-file</c>, <c>-r __node:=</c>,
/// <c>-r __ns:=</c>); with <c>--autostart</c> it configures and activates itself (as Nav2's
/// lifecycle manager does), otherwise it waits unconfigured for <c>~/change_state</c>. Runs until
/// SIGINT/SIGTERM.
/// </summary>
internal static class PolicyVerb
{
    /// <summary>The node's default name.</summary>
    public const string NodeName = "policy_node";

    public static Command Create()
    {
        var autostart = new Option<bool>("--autostart") { Description = "Configure and activate at start (otherwise wait for ~/change_state)." };
        var c = new Command("policy", "Run the policy node (managed lifecycle node): parameters from --ros-args -p / --params-file (see config/policy_node.yaml).")
        {
            autostart,
        };
        c.TreatUnmatchedTokensAsErrors = false;
        c.SetAction(r =>
        {
            try
            {
                // Program.Run has already split off `--ros-args … [--]` into RosCommandLine.Current.
                if (r.UnmatchedTokens.Count > 0)
                {
                    throw new RosArgumentException("unexpected arguments outside --ros-args: " + string.Join(' ', r.UnmatchedTokens));
                }

                return Run(RosCommandLine.Current, r.GetValue(autostart), r.InvocationConfiguration.Output);
            }
            catch (Exception e) when (e is ArgumentException or ConfigurationException or IOException)
            {
                r.InvocationConfiguration.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return c;
    }

    private static int Run(RosArguments ros, bool autostart, TextWriter output)
    {
        var nodeOptions = new DdsNodeOptions { NodeName = NodeName }.WithDomainFromEnvironment().WithRosArguments(ros);
        var (name, ns) = RemapResolver.ResolveNode(NodeName, "/", nodeOptions.Remaps);
        var parameters = ros.ParametersFor(NodeName, RosNames.FullyQualifiedNodeName(name, ns));
        var options = PolicyParameters.Bind(parameters);
        using var log = new LoggerConfiguration().MinimumLevel.Information().WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose).CreateLogger();
        var (cts, regs) = RosGraphSession.CancelOnSignals();
        var time = new RosTimeProvider(TimeProvider.System);
        using (cts)
        using (regs)
        using (var node = new DdsNode(nodeOptions, time, log))
        using (var parameterServer = new ParameterServer(node, Declared(parameters), time))
        using (var policy = new PolicyNode(node, options, time, log))
        using (var services = new PolicyNodeServices(node, policy))
        {
            policy.Start();
            if (autostart)
            {
                var configured = policy.Configure();
                if (!configured.Success)
                {
                    log.Error("Autostart: configure failed: {Error}", configured.Message);
                    return 1;
                }

                var active = policy.Activate();
                if (!active.Success)
                {
                    log.Error("Autostart: activate failed: {Error}", active.Message);
                    return 1;
                }
            }

            output.WriteLine($"Policy node {RosNames.FullyQualifiedNodeName(node.NodeName, node.Namespace)} is {LifecycleTable.Label(policy.State)}. Ctrl-C to stop.");
            cts.Token.WaitHandle.WaitOne();
            policy.Stop();
            if (policy.State == LifecycleState.Active)
            {
                policy.Deactivate();
            }

            policy.Shutdown();
            return 0;
        }
    }

    // Every documented parameter, read-only, with the value in force (so `ros2 param get/describe` show them).
    private static ParameterStore Declared(IReadOnlyDictionary<string, RosParameterValue> given)
    {
        var store = new ParameterStore();
        foreach (var p in PolicyParameters.All)
        {
            var value = given.GetValueOrDefault(p.Name) ?? p.Default;
            store.Declare(new ParameterDeclaration(p.Name, ParameterValues.From(value)) { Description = p.Description, ReadOnly = true });
        }

        if (given.TryGetValue(ParameterServer.UseSimTime, out var sim))
        {
            store.Declare(new ParameterDeclaration(ParameterServer.UseSimTime, ParameterValues.From(sim)) { Description = "Take ROS time from /clock instead of the wall clock." });
        }

        return store;
    }
}
