using Apprentice.Dds.Transport;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Memory;

/// <summary>
/// One in-process "domain" that <see cref="InMemoryTransport"/> nodes share: matching by topic,
/// type and QoS with DDS rules, transient-local history replay, no copies beyond one per sample.
/// Thread-safe.
/// </summary>
public sealed class InMemoryBus
{
    // Keep-all history is unbounded in DDS; cap it so a test cannot exhaust memory.
    internal const int KeepAllHistoryCap = 10_000;

    private readonly List<MemoryPublisher> _publishers = [];
    private readonly List<MemorySubscription> _subscriptions = [];
    private long _nextGid;

    internal Lock Gate { get; } = new();

    internal string NewGid() => Interlocked.Increment(ref _nextGid).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    private readonly List<InMemoryTransport> _nodes = [];

    /// <summary>
    /// Drains every manual-dispatch node (<see cref="InMemoryTransport.Drain"/>) until none has a queued sample left;
    /// returns how many samples were handed out. Call it from the one thread that drives a lockstep run.
    /// </summary>
    public int Drain()
    {
        var total = 0;
        for (var pass = 1; pass > 0; total += pass)
        {
            InMemoryTransport[] nodes;
            lock (Gate)
            {
                nodes = [.. _nodes];
            }

            pass = 0;
            foreach (var node in nodes)
            {
                pass += node.Drain();
            }
        }

        return total;
    }

    internal void Join(InMemoryTransport node)
    {
        lock (Gate)
        {
            _nodes.Add(node);
        }
    }

    internal void Leave(InMemoryTransport node)
    {
        lock (Gate)
        {
            _nodes.Remove(node);
        }
    }

    internal IReadOnlyList<Graph.GraphNode> Nodes()
    {
        lock (Gate)
        {
            return _nodes.Select(n => new Graph.GraphNode(
                n.Namespace,
                n.NodeName,
                n.ParticipantGid,
                _subscriptions.Where(s => s.Owner == n).Select(s => s.Gid).ToList(),
                _publishers.Where(p => p.Owner == n).Select(p => p.Gid).ToList())).ToList();
        }
    }

    internal IReadOnlyList<DiscoveredEndpoint> Snapshot()
    {
        lock (Gate)
        {
            return [.. _publishers.Select(p => p.Describe()), .. _subscriptions.Select(s => s.Describe())];
        }
    }

    internal void Add(MemoryPublisher publisher)
    {
        lock (Gate)
        {
            _publishers.Add(publisher);
            foreach (var s in _subscriptions.Where(s => s.Topic == publisher.Topic && s.RosType == publisher.RosType))
            {
                Match(publisher, s);
            }
        }
    }

    internal void Add(MemorySubscription subscription)
    {
        lock (Gate)
        {
            _subscriptions.Add(subscription);
            foreach (var p in _publishers.Where(p => p.Topic == subscription.Topic && p.RosType == subscription.RosType))
            {
                Match(p, subscription);
            }
        }
    }

    internal void Remove(MemoryPublisher publisher)
    {
        lock (Gate)
        {
            _publishers.Remove(publisher);
            foreach (var s in publisher.Matched)
            {
                s.MatchedPublishers--;
            }

            publisher.Matched.Clear();
        }
    }

    internal void Remove(MemorySubscription subscription)
    {
        lock (Gate)
        {
            _subscriptions.Remove(subscription);
            foreach (var p in _publishers)
            {
                if (p.Matched.Remove(subscription))
                {
                    subscription.MatchedPublishers--;
                }
            }
        }
    }

    private static void Match(MemoryPublisher p, MemorySubscription s)
    {
        if (QosCompatibility.Check(p.Qos, s.Qos).Count > 0)
        {
            p.Owner.ReportMismatch(p.Topic, EndpointKind.Publisher, p.Gid, p.Qos, [s.Describe()]);
            s.Owner.ReportMismatch(s.Topic, EndpointKind.Subscription, s.Gid, s.Qos, [p.Describe()]);
            return;
        }

        p.Matched.Add(s);
        s.MatchedPublishers++;
        if (p.Qos.Durability == DurabilityPolicy.TransientLocal && s.Qos.Durability == DurabilityPolicy.TransientLocal)
        {
            foreach (var (bytes, info) in p.History)
            {
                s.Owner.Enqueue(s, bytes, info);
            }
        }
    }
}
