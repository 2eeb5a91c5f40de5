using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Tests.Support;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Tests.Cyclone;

/// <summary>Typed publish and reused-instance delivery of a fixed-size message allocate nothing per sample.</summary>
[TestFixture]
[NonParallelizable]
public sealed class TypedAllocationTests
{
    [Test]
    public void TypedPublishAndReusedDeliveryAreAllocationFree()
    {
        var sink = new CollectingSink();
        var options = new DdsNodeOptions { NodeName = "typed_alloc", DomainId = TestDomain.Id, CycloneConfig = TestDomain.LoopbackConfig };
        using var node = new DdsNode(options, TimeProvider.System, sink.CreateLogger());
        var topic = $"/typed_alloc_{Environment.ProcessId}";
        const int total = 2300;
        const int warm = 2000;
        var stamps = new long[total];
        var count = 0;
        double lastX = 0;
        var qos = QosProfiles.Default with { History = HistoryPolicy.KeepAll };
        using var sub = node.CreateSubscription<Twist>(topic, qos, (m, _) =>
        {
            if (count < total)
            {
                stamps[count] = GC.GetAllocatedBytesForCurrentThread();
            }

            lastX = m.Linear.X;
            Interlocked.Increment(ref count);
        });
        using var pub = node.CreatePublisher<Twist>(topic, qos);
        Assert.That(Wait.Until(() => pub.MatchedSubscriptionCount == 1), Is.True);
        var twist = new Twist();
        _ = PublishRange(pub, twist, 0, warm);
        var published = PublishRange(pub, twist, warm, total);
        Assert.That(Wait.Until(() => Volatile.Read(ref count) >= total), Is.True);
        Assert.That(Volatile.Read(ref lastX), Is.EqualTo(total - 1));
        Assert.That(published, Is.Zero, "bytes allocated by 300 typed publishes");
        Assert.That(stamps[total - 1] - stamps[warm + 100], Is.Zero, "bytes allocated by the receive thread over 199 typed deliveries");
    }

    // A separate method so the measured loop runs fully jitted (no on-stack replacement mid-loop).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static long PublishRange(Publisher<Twist> pub, Twist twist, int from, int to)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = from; i < to; i++)
        {
            twist.Linear.X = i;
            pub.Publish(twist);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
