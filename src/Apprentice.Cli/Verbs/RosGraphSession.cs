using System.Runtime.InteropServices;
using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Qos;
using Serilog;

namespace Apprentice.Cli.Verbs;

/// <summary>What the ROS graph verbs share: a hidden CLI node on ROS_DOMAIN_ID, Ctrl-C/SIGTERM handling, QoS adaptation.</summary>
internal static class RosGraphSession
{
    /// <summary>Creates the CLI's own node (<c>_apprentice_cli_PID</c>) on <c>ROS_DOMAIN_ID</c>, logging warnings to stderr.</summary>
    public static DdsNode CreateNode()
    {
        var log = new LoggerConfiguration().MinimumLevel.Warning().WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose).CreateLogger();
        var options = new DdsNodeOptions { NodeName = $"_apprentice_cli_{Environment.ProcessId}" }.WithDomainFromEnvironment();
        return new DdsNode(options, TimeProvider.System, log);
    }

    /// <summary>A token cancelled on SIGINT or SIGTERM (the default termination is suppressed so the node shuts down cleanly).</summary>
    public static (CancellationTokenSource Source, IDisposable Registrations) CancelOnSignals()
    {
        var cts = new CancellationTokenSource();
        void Handle(PosixSignalContext c)
        {
            c.Cancel = true;
            cts.Cancel();
        }

        var regs = new CompositeDisposable(PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle));
        return (cts, regs);
    }

    /// <summary>
    /// QoS that matches every current publisher (as <c>ros2 topic echo</c> adapts): reliable and
    /// transient-local only when all publishers offer it.
    /// </summary>
    public static QosProfile AdaptTo(IReadOnlyList<DiscoveredEndpoint> publishers)
    {
        var reliable = publishers.Count > 0 && publishers.All(p => p.Qos.Reliability == ReliabilityPolicy.Reliable);
        var latched = publishers.Count > 0 && publishers.All(p => p.Qos.Durability == DurabilityPolicy.TransientLocal);
        return QosProfiles.Default with
        {
            Reliability = reliable ? ReliabilityPolicy.Reliable : ReliabilityPolicy.BestEffort,
            Durability = latched ? DurabilityPolicy.TransientLocal : DurabilityPolicy.Volatile,
        };
    }

    /// <summary>Waits (up to <paramref name="timeout"/>, or until cancelled) until the topic has a publisher; returns its publishers.</summary>
    public static IReadOnlyList<DiscoveredEndpoint> WaitForPublishers(ITransport node, string topic, TimeSpan timeout, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var pubs = node.DiscoveredEndpoints().Where(e => e.Kind == EndpointKind.Publisher && e.RosTopic == topic).ToList();
            if (pubs.Count > 0 || DateTime.UtcNow >= deadline || cancel.IsCancellationRequested)
            {
                return pubs;
            }

            cancel.WaitHandle.WaitOne(50);
        }
    }

    private sealed class CompositeDisposable(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var i in items)
            {
                i.Dispose();
            }
        }
    }
}
