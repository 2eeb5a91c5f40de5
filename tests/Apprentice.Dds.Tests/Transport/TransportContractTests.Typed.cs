using Apprentice.Dds.Tests.Support;
using Apprentice.Dds.Transport;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.BuiltinInterfaces;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Tests.Transport;

// Typed publishers and subscriptions over generated messages: same behaviour on every adapter.
public abstract partial class TransportContractTests
{
    [Test]
    public void TypedJointStatesArriveWithEveryFieldEqual()
    {
        var (a, b) = (Node("talker"), Node("listener"));
        var topic = UniqueTopic();
        var received = new List<JointState>();
        using var sub = b.CreateSubscription<JointState>(topic, QosProfiles.Default, (m, _) => { lock (received) { received.Add(m); } }, MessageDelivery.Fresh);
        using var pub = a.CreatePublisher<JointState>(topic, QosProfiles.Default, initialBufferBytes: 16);
        Assert.That(Wait.Until(() => pub.MatchedSubscriptionCount == 1 && sub.MatchedPublisherCount == 1), Is.True, "never matched");

        var sent = Enumerable.Range(1, 3).Select(Joints).ToList();
        foreach (var m in sent)
        {
            Assert.That(pub.Publish(m), Is.EqualTo(PublishOutcome.Published));
        }

        Assert.That(Wait.Until(() => Count(received) == sent.Count), Is.True);
        lock (received)
        {
            for (var i = 0; i < sent.Count; i++)
            {
                Assert.That(received[i].Name, Is.EqualTo(sent[i].Name));
                Assert.That(received[i].Position, Is.EqualTo(sent[i].Position));
                Assert.That(received[i].Velocity, Is.EqualTo(sent[i].Velocity));
                Assert.That(received[i].Effort, Is.EqualTo(sent[i].Effort));
                Assert.That(received[i].Header.FrameId, Is.EqualTo(sent[i].Header.FrameId));
                Assert.That(received[i].Header.Stamp.Nanosec, Is.EqualTo(sent[i].Header.Stamp.Nanosec));
            }

            Assert.That(received.Distinct().Count(), Is.EqualTo(sent.Count), "fresh delivery hands out distinct instances");
        }
    }

    [Test]
    public void ReusedDeliveryDecodesIntoOneInstance()
    {
        var (a, b) = (Node("talker"), Node("listener"));
        var topic = UniqueTopic();
        var instances = new HashSet<Header>(ReferenceEqualityComparer.Instance);
        var frames = new List<string>();
        using var sub = b.CreateSubscription<Header>(topic, QosProfiles.Default, (m, _) => { lock (frames) { instances.Add(m); frames.Add(m.FrameId); } });
        using var pub = a.CreatePublisher<Header>(topic, QosProfiles.Default);
        Assert.That(Wait.Until(() => pub.MatchedSubscriptionCount == 1), Is.True);
        for (var i = 0; i < 4; i++)
        {
            pub.Publish(new Header { FrameId = "f" + i, Stamp = new Time { Sec = i } });
        }

        Assert.That(Wait.Until(() => Count(frames) == 4), Is.True);
        lock (frames)
        {
            Assert.That(frames, Is.EqualTo(new[] { "f0", "f1", "f2", "f3" }));
            Assert.That(instances, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public void MalformedSamplesAreCountedAndDroppedNotThrown()
    {
        var (a, b) = (Node("talker"), Node("listener"));
        var topic = UniqueTopic();
        var good = 0;
        using var sub = b.CreateSubscription<JointState>(topic, QosProfiles.Default, (_, _) => Interlocked.Increment(ref good), log: _sink.CreateLogger());
        using var raw = a.CreateRawPublisher(topic, JointState.RosTypeName, QosProfiles.Default);
        using var typed = a.CreatePublisher<JointState>(topic, QosProfiles.Default);
        Assert.That(Wait.Until(() => raw.MatchedSubscriptionCount == 1 && typed.MatchedSubscriptionCount == 1), Is.True);
        raw.Publish(new byte[] { 0, 1, 0, 0, 0xff, 0xff, 0xff, 0x7f });
        typed.Publish(Joints(2));
        Assert.That(Wait.Until(() => Volatile.Read(ref good) == 1 && sub.MalformedCount == 1), Is.True, $"good {good}, malformed {sub.MalformedCount}");
    }

    private static JointState Joints(int n) => new()
    {
        Header = new Header { FrameId = "base_" + n, Stamp = new Time { Sec = n, Nanosec = (uint)(n * 1000) } },
        Name = Enumerable.Range(0, n).Select(i => "joint_" + i).ToArray(),
        Position = Enumerable.Range(0, n).Select(i => i * 0.5).ToArray(),
        Velocity = Enumerable.Range(0, n).Select(i => -i * 0.25).ToArray(),
        Effort = new double[n],
    };
}
