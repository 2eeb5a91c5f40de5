using System.Diagnostics;
using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Tests.Support;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Tests.Interop;

/// <summary>QoS between Apprentice and a separate Cyclone process over loopback RTPS.</summary>
[TestFixture]
[NonParallelizable]
public sealed class CycloneQosInteropTests
{
    [Test]
    public void TransientLocalLateJoinerGetsTheWholeKeepLastHistoryFromAnotherProcess()
    {
        var topic = "/qos_latched_" + Environment.ProcessId;
        using var peer = StartPublisher(topic, reliable: true, transientLocal: true, depth: 5, count: 8);
        var sink = new CollectingSink();
        using var node = Node(sink);
        var frames = new List<string>();
        using var sub = node.CreateRawSubscription(topic, "sensor_msgs/msg/JointState", QosProfiles.Default with { Durability = DurabilityPolicy.TransientLocal, Depth = 10 }, (cdr, _) =>
        {
            lock (frames)
            {
                frames.Add(JointState.Decode(cdr.ToArray()).Header.FrameId);
            }
        });
        Assert.That(Wait.Until(() => Count(frames) == 5, 20), Is.True, $"late joiner got {Count(frames)} samples");
        Thread.Sleep(300);
        lock (frames)
        {
            Assert.That(frames, Is.EqualTo(new[] { "qos_3", "qos_4", "qos_5", "qos_6", "qos_7" }));
        }

        Stop(peer);
    }

    [Test]
    public void VolatileLateJoinerGetsNothingFromAnotherProcess()
    {
        var topic = "/qos_volatile_" + Environment.ProcessId;
        using var peer = StartPublisher(topic, reliable: true, transientLocal: true, depth: 5, count: 3);
        var sink = new CollectingSink();
        using var node = Node(sink);
        var count = 0;
        using var sub = node.CreateRawSubscription(topic, "sensor_msgs/msg/JointState", QosProfiles.Default, (_, _) => Interlocked.Increment(ref count));
        Assert.That(Wait.Until(() => sub.MatchedPublisherCount == 1, 20), Is.True);
        Thread.Sleep(500);
        Assert.That(Volatile.Read(ref count), Is.Zero);
        Stop(peer);
    }

    [Test]
    public void BestEffortPeerAndReliableSubscriptionLogAWarningNamingThePeer()
    {
        var topic = "/qos_be_" + Environment.ProcessId;
        using var peer = StartPublisher(topic, reliable: false, transientLocal: false, depth: 5, count: 1);
        var sink = new CollectingSink();
        using var node = Node(sink);
        using var sub = node.CreateRawSubscription(topic, "sensor_msgs/msg/JointState", QosProfiles.Default, (_, _) => { });
        Assert.That(Wait.Until(() => sink.Warnings.Any(w => w.Contains(topic, StringComparison.Ordinal)), 20), Is.True, "no warning");
        var warning = sink.Warnings.First(w => w.Contains(topic, StringComparison.Ordinal));
        Assert.That(warning, Does.Contain("RELIABILITY"));
        Assert.That(warning, Does.Contain("publisher ").And.Contain("best-effort, volatile, keep-last 5"), "the peer's publisher and its QoS are named");
        Assert.That(warning, Does.Contain("our subscription").And.Contain("reliable, volatile, keep-last 10"));
        Assert.That(sub.MatchedPublisherCount, Is.Zero);
        Stop(peer);
    }

    [Test]
    public void BestEffortSubscriptionMatchesAReliablePeer()
    {
        var topic = "/qos_rel_" + Environment.ProcessId;
        using var peer = StartPublisher(topic, reliable: true, transientLocal: false, depth: 5, count: 1);
        var sink = new CollectingSink();
        using var node = Node(sink);
        using var sub = node.CreateRawSubscription(topic, "sensor_msgs/msg/JointState", QosProfiles.SensorData, (_, _) => { });
        Assert.That(Wait.Until(() => sub.MatchedPublisherCount == 1, 20), Is.True);
        Assert.That(sink.Warnings, Is.Empty);
        Stop(peer);
    }

    private static Process StartPublisher(string topic, bool reliable, bool transientLocal, int depth, int count)
    {
        var peer = CyclonePeer.StartQosPublisher(TestDomain.Id, TestDomain.LoopbackConfig, "rt" + topic, reliable, transientLocal, depth, count);
        var line = peer.StandardOutput.ReadLine();
        Assert.That(line, Is.EqualTo($"PUBLISHED {count}"), peer.HasExited ? peer.StandardError.ReadToEnd() : "qos_peer did not start");
        return peer;
    }

    private static void Stop(Process peer)
    {
        peer.StandardInput.Close();
        if (!peer.WaitForExit(10_000))
        {
            peer.Kill();
        }
    }

    private static DdsNode Node(CollectingSink sink) =>
        new(new DdsNodeOptions { NodeName = "qos_interop", DomainId = TestDomain.Id, CycloneConfig = TestDomain.LoopbackConfig }, TimeProvider.System, sink.CreateLogger());

    private static int Count(List<string> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }
}
