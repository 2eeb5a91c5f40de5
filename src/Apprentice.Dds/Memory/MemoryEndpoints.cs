using Apprentice.Dds.Transport;
using Apprentice.Ros.Names;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Memory;

/// <summary>An in-memory publisher; state guarded by the bus lock.</summary>
internal sealed class MemoryPublisher(InMemoryTransport owner, InMemoryBus bus, string topic, string rosType, QosProfile qos) : IRawPublisher
{
    private const long UnixEpochTicks = 621355968000000000L;
    private volatile bool _disposed;

    public InMemoryTransport Owner { get; } = owner;

    public string Topic { get; } = topic;

    public string RosType { get; } = rosType;

    public QosProfile Qos { get; } = qos;

    public string Gid { get; } = bus.NewGid();

    public List<MemorySubscription> Matched { get; } = [];

    public Queue<(byte[] Bytes, MessageInfo Info)> History { get; } = new();

    public int MatchedSubscriptionCount
    {
        get
        {
            lock (bus.Gate)
            {
                return Matched.Count;
            }
        }
    }

    public PublishOutcome Publish(ReadOnlySpan<byte> cdr) =>
        Publish(cdr, (Owner.Time.GetUtcNow().UtcTicks - UnixEpochTicks) * 100);

    public PublishOutcome Publish(ReadOnlySpan<byte> cdr, long sourceTimestampNs)
    {
        if (_disposed)
        {
            return PublishOutcome.Closed;
        }

        if (cdr.Length < 4)
        {
            return PublishOutcome.InvalidPayload;
        }

        // Zero-padded to a multiple of 4, as rmw_cyclonedds and the DDS transport send it.
        var bytes = new byte[(cdr.Length + 3) & ~3];
        cdr.CopyTo(bytes);
        if (bytes.Length > cdr.Length)
        {
            // The padding count in the options' low two bits, as the DDS transport sends it.
            bytes[3] = (byte)((bytes[3] & ~3) | (bytes.Length - cdr.Length));
        }

        var info = new MessageInfo(sourceTimestampNs, 0);
        lock (bus.Gate)
        {
            if (Qos.Durability == DurabilityPolicy.TransientLocal)
            {
                History.Enqueue((bytes, info));
                var cap = Qos.History == HistoryPolicy.KeepAll ? InMemoryBus.KeepAllHistoryCap : Math.Max(1, Qos.Depth);
                while (History.Count > cap)
                {
                    History.Dequeue();
                }
            }

            foreach (var s in Matched)
            {
                s.Owner.Enqueue(s, bytes, info);
            }
        }

        return PublishOutcome.Published;
    }

    public DiscoveredEndpoint Describe() =>
        new(EndpointKind.Publisher, DdsNames.Topic(Topic), DdsNames.MessageType(RosType), Qos, Gid, Owner.ParticipantGid, string.Empty);

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            bus.Remove(this);
        }
    }
}

/// <summary>An in-memory subscription; delivered on its node's dispatch thread.</summary>
internal sealed class MemorySubscription(InMemoryTransport owner, InMemoryBus bus, string topic, string rosType, QosProfile qos, RawMessageHandler handler) : IRawSubscription
{
    private volatile bool _disposed;

    public InMemoryTransport Owner { get; } = owner;

    public string Topic { get; } = topic;

    public string RosType { get; } = rosType;

    public QosProfile Qos { get; } = qos;

    public string Gid { get; } = bus.NewGid();

    public RawMessageHandler Handler { get; } = handler;

    public bool IsDisposed => _disposed;

    public int MatchedPublishers { get; set; }

    public int MatchedPublisherCount
    {
        get
        {
            lock (bus.Gate)
            {
                return MatchedPublishers;
            }
        }
    }

    public DiscoveredEndpoint Describe() =>
        new(EndpointKind.Subscription, DdsNames.Topic(Topic), DdsNames.MessageType(RosType), Qos, Gid, Owner.ParticipantGid, string.Empty);

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            bus.Remove(this);
        }
    }
}
