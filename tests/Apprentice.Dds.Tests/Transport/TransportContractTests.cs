using Apprentice.Dds.Tests.Support;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Qos;
using Microsoft.Extensions.Time.Testing;

namespace Apprentice.Dds.Tests.Transport;

/// <summary>The behaviour every <see cref="ITransport"/> adapter must have; one subclass per adapter.</summary>
public abstract partial class TransportContractTests
{
    private const string Type = "std_msgs/msg/String";
    private readonly List<ITransport> _nodes = [];
    private CollectingSink _sink = null!;
    private int _topicCounter;

    /// <summary>Creates a node on the adapter's shared graph.</summary>
    protected abstract ITransport CreateNode(string name, TimeProvider time, Serilog.ILogger log);

    [SetUp]
    public void CreateSink() => _sink = new CollectingSink();

    [TearDown]
    public void DisposeNodes()
    {
        foreach (var n in _nodes)
        {
            n.Dispose();
        }

        _nodes.Clear();
    }

    [Test]
    public void PublishedBytesArriveUnchangedWithTheSourceTimestamp()
    {
        var (a, b) = (Node("talker"), Node("listener"));
        var topic = UniqueTopic();
        var received = new List<(byte[] Bytes, MessageInfo Info)>();
        using var sub = b.CreateRawSubscription(topic, Type, QosProfiles.Default, (cdr, info) => { lock (received) { received.Add((cdr.ToArray(), info)); } });
        using var pub = a.CreateRawPublisher(topic, Type, QosProfiles.Default);
        Assert.That(Wait.Until(() => pub.MatchedSubscriptionCount == 1 && sub.MatchedPublisherCount == 1), Is.True, "never matched");

        var payloads = Enumerable.Range(0, 5).Select(i => Cdr.Payload(i, 8 + (4 * i))).ToList();
        for (var i = 0; i < payloads.Count; i++)
        {
            Assert.That(pub.Publish(payloads[i], 1_700_000_000_000_000_000L + i), Is.EqualTo(PublishOutcome.Published));
        }

        Assert.That(Wait.Until(() => Count(received) == payloads.Count), Is.True, $"received {Count(received)} of {payloads.Count}");
        lock (received)
        {
            Assert.That(received.Select(r => r.Bytes), Is.EqualTo(payloads));
            Assert.That(received.Select(r => r.Info.SourceTimestampNs), Is.EqualTo(Enumerable.Range(0, 5).Select(i => 1_700_000_000_000_000_000L + i)));
        }
    }

    [Test]
    public void PublishWithoutTimestampUsesTheInjectedClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var a = CreateTracked("clocked", clock);
        var b = Node("listener");
        var topic = UniqueTopic();
        long stamp = 0;
        using var sub = b.CreateRawSubscription(topic, Type, QosProfiles.Default, (_, info) => Interlocked.Exchange(ref stamp, info.SourceTimestampNs));
        using var pub = a.CreateRawPublisher(topic, Type, QosProfiles.Default);
        Assert.That(Wait.Until(() => pub.MatchedSubscriptionCount == 1), Is.True);
        pub.Publish(Cdr.Payload(1));
        Assert.That(Wait.Until(() => Interlocked.Read(ref stamp) != 0), Is.True);
        Assert.That(Interlocked.Read(ref stamp), Is.EqualTo(clock.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000L));
    }

    [Test]
    public void PayloadsArePaddedToAMultipleOfFourWithZerosAndThePaddingCountInTheOptions()
    {
        var (a, b) = (Node("talker"), Node("listener"));
        var topic = UniqueTopic();
        byte[]? got = null;
        using var sub = b.CreateRawSubscription(topic, Type, QosProfiles.Default, (cdr, _) => got = cdr.ToArray());
        using var pub = a.CreateRawPublisher(topic, Type, QosProfiles.Default);
        Assert.That(Wait.Until(() => pub.MatchedSubscriptionCount == 1), Is.True);
        byte[] odd = [0, 1, 0, 0, 7, 8, 9];
        pub.Publish(odd);
        Assert.That(Wait.Until(() => got is not null), Is.True);
        // XTypes 7.6.3.1.2: the options' low two bits count the padding, as Cyclone's serializer writes it.
        Assert.That(got, Is.EqualTo(new byte[] { 0, 1, 0, 1, 7, 8, 9, 0 }));
    }

    [Test]
    public void TooShortPayloadIsRejectedWithAnOutcome()
    {
        using var pub = Node("talker").CreateRawPublisher(UniqueTopic(), Type, QosProfiles.Default);
        Assert.That(pub.Publish(new byte[] { 0, 1, 0 }), Is.EqualTo(PublishOutcome.InvalidPayload));
    }

    [Test]
    public void OtherTopicsAreNotDelivered()
    {
        var (a, b) = (Node("talker"), Node("listener"));
        var topic = UniqueTopic();
        var other = 0;
        var mine = 0;
        using var subOther = b.CreateRawSubscription(topic + "_other", Type, QosProfiles.Default, (_, _) => Interlocked.Increment(ref other));
        using var subMine = b.CreateRawSubscription(topic, Type, QosProfiles.Default, (_, _) => Interlocked.Increment(ref mine));
        using var pub = a.CreateRawPublisher(topic, Type, QosProfiles.Default);
        Assert.That(Wait.Until(() => pub.MatchedSubscriptionCount == 1), Is.True);
        pub.Publish(Cdr.Payload(3));
        Assert.That(Wait.Until(() => Volatile.Read(ref mine) == 1), Is.True);
        Thread.Sleep(100);
        Assert.That(Volatile.Read(ref other), Is.Zero);
    }

    [Test]
    public void TransientLocalLateJoinerGetsTheWholeKeepLastHistory()
    {
        var a = Node("talker");
        var topic = UniqueTopic();
        var qos = QosProfiles.Default with { Durability = DurabilityPolicy.TransientLocal, Depth = 5 };
        using var pub = a.CreateRawPublisher(topic, Type, qos);
        var payloads = Enumerable.Range(0, 8).Select(i => Cdr.Payload(i)).ToList();
        foreach (var p in payloads)
        {
            Assert.That(pub.Publish(p), Is.EqualTo(PublishOutcome.Published));
        }

        var received = new List<byte[]>();
        using var sub = Node("late").CreateRawSubscription(topic, Type, qos, (cdr, _) => { lock (received) { received.Add(cdr.ToArray()); } });
        Assert.That(Wait.Until(() => Count(received) == 5), Is.True, $"late joiner got {Count(received)} of the 5 kept samples");
        Thread.Sleep(100);
        lock (received)
        {
            Assert.That(received, Is.EqualTo(payloads.Skip(3)));
        }
    }

    [Test]
    public void VolatileLateJoinerGetsNothingOld()
    {
        var a = Node("talker");
        var topic = UniqueTopic();
        var latched = QosProfiles.Default with { Durability = DurabilityPolicy.TransientLocal, Depth = 5 };
        using var pub = a.CreateRawPublisher(topic, Type, latched);
        pub.Publish(Cdr.Payload(1));
        var count = 0;
        using var sub = Node("late").CreateRawSubscription(topic, Type, QosProfiles.Default, (_, _) => Interlocked.Increment(ref count));
        Assert.That(Wait.Until(() => pub.MatchedSubscriptionCount == 1), Is.True);
        Thread.Sleep(200);
        Assert.That(Volatile.Read(ref count), Is.Zero);
        pub.Publish(Cdr.Payload(2));
        Assert.That(Wait.Until(() => Volatile.Read(ref count) == 1), Is.True);
    }

    [Test]
    public void ReliablePublisherServesABestEffortSubscription()
    {
        var (a, b) = (Node("talker"), Node("listener"));
        var topic = UniqueTopic();
        var count = 0;
        using var sub = b.CreateRawSubscription(topic, Type, QosProfiles.SensorData, (_, _) => Interlocked.Increment(ref count));
        using var pub = a.CreateRawPublisher(topic, Type, QosProfiles.Default);
        Assert.That(Wait.Until(() => pub.MatchedSubscriptionCount == 1), Is.True);
        pub.Publish(Cdr.Payload(1));
        Assert.That(Wait.Until(() => Volatile.Read(ref count) == 1), Is.True);
        Assert.That(_sink.Warnings, Is.Empty);
    }

    [Test]
    public void BestEffortPublisherAndReliableSubscriptionDoNotMatchAndAWarningNamesBothSides()
    {
        var (a, b) = (Node("talker"), Node("listener"));
        var topic = UniqueTopic();
        var events = new List<QosIncompatibility>();
        b.QosIncompatible += e => { lock (events) { events.Add(e); } };
        var count = 0;
        using var sub = b.CreateRawSubscription(topic, Type, QosProfiles.Default, (_, _) => Interlocked.Increment(ref count));
        using var pub = a.CreateRawPublisher(topic, Type, QosProfiles.SensorData);
        Assert.That(Wait.Until(() => _sink.Warnings.Any(w => w.Contains(topic, StringComparison.Ordinal) && w.Contains("subscription", StringComparison.Ordinal))), Is.True, "no warning");
        var warning = _sink.Warnings.First(w => w.Contains(topic, StringComparison.Ordinal) && w.Contains("our subscription", StringComparison.Ordinal));
        Assert.That(warning, Does.Contain("RELIABILITY"));
        Assert.That(warning, Does.Contain("best-effort"));
        Assert.That(warning, Does.Contain("reliable, volatile, keep-last 10"));
        Assert.That(warning, Does.Contain("publisher"));
        Assert.That(Wait.Until(() => Count(events) > 0), Is.True);
        lock (events)
        {
            Assert.That(events[0].Peers.Select(p => p.Kind), Has.All.EqualTo(EndpointKind.Publisher));
            Assert.That(events[0].Peers, Is.Not.Empty, "the publisher is named");
        }

        pub.Publish(Cdr.Payload(1));
        Thread.Sleep(200);
        Assert.That(Volatile.Read(ref count), Is.Zero);
        Assert.That(sub.MatchedPublisherCount, Is.Zero);
    }

    [Test]
    public void VolatilePublisherAndTransientLocalSubscriptionReportDurability()
    {
        var (a, b) = (Node("talker"), Node("listener"));
        var topic = UniqueTopic();
        using var pub = a.CreateRawPublisher(topic, Type, QosProfiles.Default);
        using var sub = b.CreateRawSubscription(topic, Type, QosProfiles.Latched, (_, _) => { });
        Assert.That(Wait.Until(() => _sink.Warnings.Any(w => w.Contains(topic, StringComparison.Ordinal) && w.Contains("DURABILITY", StringComparison.Ordinal))), Is.True);
    }

    [Test]
    public void DisposedSubscriptionReceivesNothingMore()
    {
        var (a, b) = (Node("talker"), Node("listener"));
        var topic = UniqueTopic();
        var count = 0;
        var sub = b.CreateRawSubscription(topic, Type, QosProfiles.Default, (_, _) => Interlocked.Increment(ref count));
        using var pub = a.CreateRawPublisher(topic, Type, QosProfiles.Default);
        Assert.That(Wait.Until(() => pub.MatchedSubscriptionCount == 1), Is.True);
        pub.Publish(Cdr.Payload(1));
        Assert.That(Wait.Until(() => Volatile.Read(ref count) == 1), Is.True);
        sub.Dispose();
        Assert.That(Wait.Until(() => pub.MatchedSubscriptionCount == 0), Is.True);
        pub.Publish(Cdr.Payload(2));
        Thread.Sleep(100);
        Assert.That(Volatile.Read(ref count), Is.EqualTo(1));
    }

    [Test]
    public void AThrowingHandlerIsLoggedAndLaterSamplesStillArrive()
    {
        var (a, b) = (Node("talker"), Node("listener"));
        var topic = UniqueTopic();
        var count = 0;
        using var sub = b.CreateRawSubscription(topic, Type, QosProfiles.Default, (_, _) =>
        {
            if (Interlocked.Increment(ref count) == 1)
            {
                throw new InvalidOperationException("boom");
            }
        });
        using var pub = a.CreateRawPublisher(topic, Type, QosProfiles.Default);
        Assert.That(Wait.Until(() => pub.MatchedSubscriptionCount == 1), Is.True);
        pub.Publish(Cdr.Payload(1));
        pub.Publish(Cdr.Payload(2));
        Assert.That(Wait.Until(() => Volatile.Read(ref count) == 2), Is.True);
        Assert.That(_sink.Events.Any(e => e.Exception is InvalidOperationException), Is.True);
    }

    [Test]
    public void DiscoveryListsTheTopicWithItsRosType()
    {
        var a = Node("talker");
        var topic = UniqueTopic();
        using var pub = a.CreateRawPublisher(topic, "sensor_msgs/msg/JointState", QosProfiles.Default);
        var observer = Node("observer");
        Assert.That(Wait.Until(() => TopicGraph.TopicNamesAndTypes(observer.DiscoveredEndpoints()).Any(t => t.Topic == topic)), Is.True);
        var entry = TopicGraph.TopicNamesAndTypes(observer.DiscoveredEndpoints()).Single(t => t.Topic == topic);
        Assert.That(entry.Types, Is.EqualTo(new[] { "sensor_msgs/msg/JointState" }));
    }

    [Test]
    public void NodesAreDiscoveredWithTheirEndpoints()
    {
        var a = CreateTracked("announced", TimeProvider.System, "/robot");
        using var pub = a.CreateRawPublisher(UniqueTopic(), Type, QosProfiles.Default);
        var observer = Node("observer");
        Assert.That(Wait.Until(() => observer.DiscoveredNodes().Any(n => n.FullyQualifiedName == "/robot/announced" && n.WriterGids.Count == 1)), Is.True);
        Assert.That(observer.DiscoveredNodes().Select(n => n.FullyQualifiedName), Does.Contain("/observer"), "a node lists itself");
    }

    [Test]
    public void RelativeAndPrivateNamesExpandWithTheNodeNamespace()
    {
        var node = CreateTracked("cam", TimeProvider.System, "/robot");
        Assert.That(node.ResolveTopicName("image"), Is.EqualTo("/robot/image"));
        Assert.That(node.ResolveTopicName("~/status"), Is.EqualTo("/robot/cam/status"));
        Assert.That(node.ResolveTopicName("/abs"), Is.EqualTo("/abs"));
    }

    [Test]
    public void PublishAfterNodeDisposeReportsClosed()
    {
        var a = CreateNode("short_lived", TimeProvider.System, _sink.CreateLogger());
        var pub = a.CreateRawPublisher(UniqueTopic(), Type, QosProfiles.Default);
        a.Dispose();
        Assert.That(pub.Publish(Cdr.Payload(1)), Is.EqualTo(PublishOutcome.Closed));
        Assert.DoesNotThrow(a.Dispose);
    }

    /// <summary>Hook for adapters whose nodes need a namespace at creation.</summary>
    protected abstract ITransport CreateNode(string name, string ns, TimeProvider time, Serilog.ILogger log);

    private ITransport Node(string name) => CreateTracked(name, TimeProvider.System);

    private ITransport CreateTracked(string name, TimeProvider time, string ns = "/")
    {
        var n = ns == "/" ? CreateNode(name, time, _sink.CreateLogger()) : CreateNode(name, ns, time, _sink.CreateLogger());
        _nodes.Add(n);
        return n;
    }

    private string UniqueTopic() =>
        $"/contract_{GetType().Name.ToLowerInvariant()}_{TestContext.CurrentContext.Test.MethodName!.ToLowerInvariant()}_{Interlocked.Increment(ref _topicCounter)}_{Environment.ProcessId}";

    private static int Count<T>(List<T> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }
}
