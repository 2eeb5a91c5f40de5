using System.Collections.Concurrent;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Args;
using Apprentice.Ros.Names;
using Apprentice.Ros.Qos;
using Serilog;

namespace Apprentice.Dds.Memory;

/// <summary>
/// An <see cref="ITransport"/> over an <see cref="InMemoryBus"/>, for tests: same naming, QoS
/// matching, transient-local replay and single-thread dispatch as the DDS node.
/// </summary>
public sealed class InMemoryTransport : ITransport
{
    private readonly InMemoryBus _bus;
    private readonly ILogger _log;
    private readonly IReadOnlyList<RosRemap> _remaps;
    private readonly string _originalName;
    private readonly QosOverrides _overrides;
    private readonly BlockingCollection<(MemorySubscription Sub, byte[] Bytes, MessageInfo Info)> _queue = new();
    private readonly List<IDisposable> _owned = [];
    private readonly Thread? _dispatch;
    private int _disposed;

    /// <summary>Creates a node on <paramref name="bus"/> and starts its dispatch thread.</summary>
    public InMemoryTransport(InMemoryBus bus, string nodeName, string ns, TimeProvider time, ILogger log, IReadOnlyList<RosRemap>? remaps = null, QosOverrides? overrides = null)
        : this(bus, nodeName, ns, time, log, manualDispatch: false, remaps, overrides)
    {
    }

    /// <summary>
    /// Creates a node on <paramref name="bus"/>. With <paramref name="manualDispatch"/> no dispatch thread runs:
    /// samples wait until <see cref="Drain"/> (or <see cref="InMemoryBus.Drain"/>) hands them to the handlers on the
    /// caller's thread, so a lockstep run (simulation, policy, recorder in one process) is deterministic.
    /// </summary>
    public InMemoryTransport(InMemoryBus bus, string nodeName, string ns, TimeProvider time, ILogger log, bool manualDispatch, IReadOnlyList<RosRemap>? remaps = null, QosOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        RosNames.ValidateNodeName(nodeName);
        RosNames.ValidateNamespace(ns);
        _bus = bus;
        Time = time;
        _remaps = remaps ?? [];
        _originalName = nodeName;
        _overrides = overrides ?? QosOverrides.None;
        (NodeName, Namespace) = RemapResolver.ResolveNode(nodeName, ns, _remaps);
        _log = log.ForContext("Node", RosNames.FullyQualifiedNodeName(NodeName, Namespace));
        ParticipantGid = bus.NewGid();
        if (!manualDispatch)
        {
            _dispatch = new Thread(DispatchLoop) { IsBackground = true, Name = "mem-recv " + NodeName };
            _dispatch.Start();
        }
        bus.Join(this);
    }

    /// <inheritdoc />
    public string NodeName { get; }

    /// <inheritdoc />
    public string Namespace { get; }

    /// <inheritdoc />
    public event Action<QosIncompatibility>? QosIncompatible;

    internal TimeProvider Time { get; }

    internal string ParticipantGid { get; }

    /// <inheritdoc />
    public string ResolveTopicName(string topic) =>
        RemapResolver.RemapTopic(RosNames.ExpandTopicName(topic, NodeName, Namespace), NodeName, Namespace, _remaps, _originalName);

    /// <inheritdoc />
    public IRawPublisher CreateRawPublisher(string topic, string rosType, QosProfile qos)
    {
        var (fq, effective) = Prepare(topic, rosType, qos, EndpointKind.Publisher);
        var p = new MemoryPublisher(this, _bus, fq, rosType, effective);
        Own(p);
        _bus.Add(p);
        return p;
    }

    /// <inheritdoc />
    public IRawSubscription CreateRawSubscription(string topic, string rosType, QosProfile qos, RawMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var (fq, effective) = Prepare(topic, rosType, qos, EndpointKind.Subscription);
        var s = new MemorySubscription(this, _bus, fq, rosType, effective, handler);
        Own(s);
        _bus.Add(s);
        return s;
    }

    /// <inheritdoc />
    public IReadOnlyList<DiscoveredEndpoint> DiscoveredEndpoints() => _bus.Snapshot();

    /// <inheritdoc />
    public IReadOnlyList<Graph.GraphNode> DiscoveredNodes() => _bus.Nodes();

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (_owned)
        {
            foreach (var e in _owned)
            {
                e.Dispose();
            }
        }

        _bus.Leave(this);
        _queue.CompleteAdding();
        if (_dispatch is not null && Thread.CurrentThread != _dispatch)
        {
            _dispatch.Join();
        }

        _queue.Dispose();
    }

    internal void Enqueue(MemorySubscription sub, byte[] bytes, MessageInfo info)
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.TryAdd((sub, bytes, info));
        }
    }

    internal void ReportMismatch(string topic, EndpointKind kind, string gid, QosProfile qos, IReadOnlyList<DiscoveredEndpoint> peers)
    {
        var report = QosMismatchReport.Build(topic, kind, gid, RosNames.FullyQualifiedNodeName(NodeName, Namespace), qos, string.Empty, peers);
        _log.Warning("{QosMismatch}", report.Message);
        QosIncompatible?.Invoke(report);
    }

    private (string Fq, QosProfile Qos) Prepare(string topic, string rosType, QosProfile qos, EndpointKind kind)
    {
        ArgumentNullException.ThrowIfNull(qos);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var fq = ResolveTopicName(topic);
        _ = DdsNames.MessageType(rosType);
        return (fq, _overrides.Resolve(fq, kind, qos).Validate(fq));
    }

    private void Own(IDisposable endpoint)
    {
        lock (_owned)
        {
            _owned.Add(endpoint);
        }
    }

    /// <summary>
    /// Manual dispatch: runs the handlers of every queued sample on the calling thread, in arrival order, until the
    /// queue is empty (samples published by those handlers included). Returns how many ran. With a dispatch thread
    /// it does nothing and returns 0.
    /// </summary>
    public int Drain()
    {
        if (_dispatch is not null || _disposed != 0)
        {
            return 0;
        }

        var n = 0;
        while (_queue.TryTake(out var item))
        {
            Deliver(item.Sub, item.Bytes, item.Info);
            n++;
        }

        return n;
    }

    private void Deliver(MemorySubscription sub, byte[] bytes, MessageInfo info)
    {
        if (sub.IsDisposed)
        {
            return;
        }

        try
        {
            sub.Handler(bytes, info);
        }
#pragma warning disable CA1031 // a failing handler must not stop the dispatch
        catch (Exception e)
#pragma warning restore CA1031
        {
            _log.Error(e, "Subscription handler for {Topic} threw; the sample is dropped", sub.Topic);
        }
    }

    private void DispatchLoop()
    {
        try
        {
            foreach (var (sub, bytes, info) in _queue.GetConsumingEnumerable())
            {
                Deliver(sub, bytes, info);
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed while waiting: normal shutdown.
        }
    }
}
