using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Tests.Support;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Tests.Cyclone;

/// <summary>Publishing and the receive path allocate nothing per sample in steady state.</summary>
[TestFixture]
[NonParallelizable]
public sealed class DdsNodeAllocationTests
{
    [Test]
    public void PublishAndDispatchAreAllocationFree()
    {
        var sink = new CollectingSink();
        var options = new DdsNodeOptions { NodeName = "alloc", DomainId = TestDomain.Id, CycloneConfig = TestDomain.LoopbackConfig };
        using var node = new DdsNode(options, TimeProvider.System, sink.CreateLogger());
        var topic = $"/alloc_{Environment.ProcessId}";
        const int total = 600;
        var stamps = new long[total];
        var count = 0;
        using var sub = node.CreateRawSubscription(topic, "std_msgs/msg/String", QosProfiles.Default with { History = HistoryPolicy.KeepAll }, (cdr, _) =>
        {
            // Bytes allocated on the receive thread so far, recorded at each delivery.
            if (count < total)
            {
                stamps[count] = GC.GetAllocatedBytesForCurrentThread();
            }

            Interlocked.Increment(ref count);
        });
        using var pub = node.CreateRawPublisher(topic, "std_msgs/msg/String", QosProfiles.Default with { History = HistoryPolicy.KeepAll });
        Assert.That(Wait.Until(() => pub.MatchedSubscriptionCount == 1), Is.True);
        var payload = Cdr.Payload(1, 64);
        for (var i = 0; i < 300; i++)
        {
            pub.Publish(payload);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 300; i < total; i++)
        {
            pub.Publish(payload);
        }

        var published = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(Wait.Until(() => Volatile.Read(ref count) >= total), Is.True);
        TestContext.Out.WriteLine($"publish {published} recv {stamps[total - 1] - stamps[400]}");
        Assert.That(published, Is.Zero, "bytes allocated by 300 publishes");
        Assert.That(stamps[total - 1] - stamps[400], Is.Zero, "bytes allocated by the receive thread over 199 deliveries");
    }
}
