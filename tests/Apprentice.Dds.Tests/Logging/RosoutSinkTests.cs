using Apprentice.Dds.Logging;
using Apprentice.Dds.Memory;
using Apprentice.Dds.Tests.Support;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.RclInterfaces;
using Apprentice.Ros.Qos;
using Microsoft.Extensions.Time.Testing;
using LoggerConfiguration = Serilog.LoggerConfiguration;
using Log = Apprentice.Ros.Msgs.RclInterfaces.Log;
using Serilog.Core;

namespace Apprentice.Dds.Tests.Logging;

public sealed class RosoutSinkTests
{
    [Test]
    public void EventsArriveOnRosoutWithLevelNameStampAndRenderedText()
    {
        var bus = new InMemoryBus();
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddSeconds(1_700_000_000.25));
        using var node = new InMemoryTransport(bus, "policy", "/robot", clock, Logger.None);
        using var console = new InMemoryTransport(bus, "console", "/", TimeProvider.System, Logger.None);
        var received = new List<Log>();
        using var sub = console.CreateSubscription<Log>("/rosout", QosProfiles.Rosout, (m, _) => { lock (received) { received.Add(m); } }, MessageDelivery.Fresh);
        using (var log = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Rosout(node, clock, Serilog.Events.LogEventLevel.Debug).CreateLogger())
        {
            log.Warning("Joint {Joint} near its limit: {Margin:F2} rad", "elbow", 0.0123);
            log.ForContext("SourceContext", "safety").Error(new InvalidOperationException("boom"), "Stopped");
            log.Debug("tick");
        }

        Assert.That(Wait.Until(() => { lock (received) { return received.Count == 3; } }), Is.True);
        lock (received)
        {
            Assert.That(received.Select(r => r.Level), Is.EqualTo(new[] { Log.WARN, Log.ERROR, Log.DEBUG }));
            Assert.That(received[0].Msg, Is.EqualTo("Joint \"elbow\" near its limit: 0.01 rad"));
            Assert.That(received[0].Name, Is.EqualTo("robot.policy"));
            Assert.That(received[1].Name, Is.EqualTo("robot.policy.safety"));
            Assert.That(received[1].Msg, Does.StartWith("Stopped\nSystem.InvalidOperationException: boom"));
            Assert.That(received[0].Stamp.Sec, Is.EqualTo(1_700_000_000));
            Assert.That(received[0].Stamp.Nanosec, Is.EqualTo(250_000_000u));
        }
    }

    [Test]
    public void LoggingAfterTheTransportClosedNeverThrows()
    {
        var node = new InMemoryTransport(new InMemoryBus(), "n", "/", TimeProvider.System, Logger.None);
        using var sink = new RosoutSink(node, TimeProvider.System);
        using var log = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        node.Dispose();
        Assert.DoesNotThrow(() => log.Information("after close {X}", 1));
        Assert.That(sink.FailedCount, Is.EqualTo(1));
    }
}
