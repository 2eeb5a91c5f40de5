using System.Collections.Concurrent;
using System.Text;
using Apprentice.Dds.Interop;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Args;
using Apprentice.Ros.Names;
using Apprentice.Ros.Qos;
using Serilog;

namespace Apprentice.Dds.Cyclone;

/// <summary>
/// A ROS node on Cyclone DDS: one participant (user data <c>enclave=…;</c>), one receive thread
/// waiting on a waitset that dispatches samples, QoS statuses and discovery.
/// </summary>
/// <remarks>Thread-safe. Dispose stops the receive thread and deletes every DDS entity of the node.</remarks>
public sealed unsafe partial class DdsNode : ITransport
{
    private readonly DdsNodeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly int _participant;
    private readonly int _waitset;
    private readonly int _guard;
    private readonly Lock _dispatchGate = new();
    private readonly ConcurrentDictionary<long, DdsEndpoint> _endpoints = new();
    private readonly Dictionary<string, int> _topics = new(StringComparer.Ordinal);
    private readonly Thread _receiveThread;
    private long _nextEndpointId;
    private volatile bool _stopping;
    private int _disposed;

    /// <summary>Creates the participant and starts the receive thread.</summary>
    /// <param name="options">Validated here.</param>
    /// <param name="time">Clock for source timestamps (ROS time when <c>use_sim_time</c>).</param>
    /// <param name="log">Where warnings (incompatible QoS, failing handlers) go.</param>
    /// <exception cref="DdsException">Cyclone refused the participant (bad configuration, no network interface).</exception>
    /// <exception cref="DllNotFoundException">The shim or Cyclone is not installed (run .ci/setup).</exception>
    public DdsNode(DdsNodeOptions options, TimeProvider time, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        _options = options.Validate();
        _time = time;
        (NodeName, Namespace) = RemapResolver.ResolveNode(options.NodeName, options.Namespace, options.Remaps);
        _log = log.ForContext("Node", RosNames.FullyQualifiedNodeName(NodeName, Namespace));

        DomainRegistry.Acquire(options.DomainId, options.CycloneConfig);
        try
        {
            _participant = CreateParticipant(options);
            _waitset = NativeMethods.Check(NativeMethods.WaitsetCreate(_participant), "create a waitset");
            _guard = NativeMethods.Check(NativeMethods.GuardCreate(_participant), "create a guard condition");
            NativeMethods.Check(NativeMethods.WaitsetAttach(_waitset, _guard, GuardArg), "attach the guard condition");
            _publicationsReader = AttachBuiltin(publications: true);
            _subscriptionsReader = AttachBuiltin(publications: false);
        }
        catch
        {
            if (_participant > 0)
            {
                _ = NativeMethods.Delete(_participant);
            }

            DomainRegistry.Release(options.DomainId);
            throw;
        }

        _receiveThread = new Thread(ReceiveLoop) { IsBackground = true, Name = "dds-recv " + NodeName };
        _receiveThread.Start();
        StartGraph();
    }

    /// <inheritdoc />
    public string NodeName { get; }

    /// <inheritdoc />
    public string Namespace { get; }

    /// <summary>The DDS domain id.</summary>
    public uint DomainId => _options.DomainId;

    /// <inheritdoc />
    public event Action<QosIncompatibility>? QosIncompatible;

    /// <summary>The participant's GUID as 32 lowercase hex digits.</summary>
    public string ParticipantGid => Gid(_participant);

    /// <summary>The Cyclone DDS version the shim was built against.</summary>
    public static unsafe string CycloneVersion =>
        System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)NativeMethods.CycloneVersion()) ?? "unknown";

    internal TimeProvider Time => _time;

    internal bool IsDisposed => _disposed != 0;

    internal ILogger Log => _log;

    /// <inheritdoc />
    public string ResolveTopicName(string topic) =>
        RemapResolver.RemapTopic(RosNames.ExpandTopicName(topic, NodeName, Namespace), NodeName, Namespace, _options.Remaps, _options.NodeName);

    /// <inheritdoc />
    public IRawPublisher CreateRawPublisher(string topic, string rosType, QosProfile qos) =>
        CreateRawPublisher(topic, rosType, qos, userData: null);

    /// <summary>As <see cref="CreateRawPublisher(string, string, QosProfile)"/>, with endpoint user data (e.g. <c>typehash=…;</c>).</summary>
    public IRawPublisher CreateRawPublisher(string topic, string rosType, QosProfile qos, string? userData)
    {
        var (fq, ddsTopic, ddsType, effective) = Prepare(topic, rosType, qos, EndpointKind.Publisher);
        var publisher = CreateWriter(fq, ddsTopic, ddsType, effective, userData, isInternal: false);
        AnnounceGraph();
        return publisher;
    }

    internal DdsRawPublisher CreateWriter(string fq, string ddsTopic, string ddsType, QosProfile effective, string? userData, bool isInternal)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var topicHandle = GetTopic(ddsTopic, ddsType);
        var native = QosMapping.ToNative(effective);
        var writer = WithUserData(userData, (ud, len) => NativeMethods.WriterCreate(_participant, topicHandle, native, ud, len));
        NativeMethods.Check(writer, $"create a writer for topic '{fq}' ({ddsTopic}, {ddsType})");
        var id = Interlocked.Increment(ref _nextEndpointId);
        var publisher = new DdsRawPublisher(this, id, fq, ddsTopic, writer, effective) { Internal = isInternal };
        _endpoints[id] = publisher;
        NativeMethods.Check(NativeMethods.SetStatusMask(writer, NativeMethods.OfferedIncompatibleQosStatus), "set the writer status mask");
        NativeMethods.Check(NativeMethods.WaitsetAttach(_waitset, writer, (id << 2) | StatusTag), "attach the writer");
        return publisher;
    }

    /// <inheritdoc />
    public IRawSubscription CreateRawSubscription(string topic, string rosType, QosProfile qos, RawMessageHandler handler) =>
        CreateRawSubscription(topic, rosType, qos, handler, userData: null);

    /// <summary>As <see cref="CreateRawSubscription(string, string, QosProfile, RawMessageHandler)"/>, with endpoint user data.</summary>
    public IRawSubscription CreateRawSubscription(string topic, string rosType, QosProfile qos, RawMessageHandler handler, string? userData)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var (fq, ddsTopic, ddsType, effective) = Prepare(topic, rosType, qos, EndpointKind.Subscription);
        var subscription = CreateReader(fq, ddsTopic, ddsType, effective, handler, userData, isInternal: false);
        AnnounceGraph();
        return subscription;
    }

    internal DdsRawSubscription CreateReader(string fq, string ddsTopic, string ddsType, QosProfile effective, RawMessageHandler handler, string? userData, bool isInternal)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var topicHandle = GetTopic(ddsTopic, ddsType);
        var native = QosMapping.ToNative(effective);
        var reader = WithUserData(userData, (ud, len) => NativeMethods.ReaderCreate(_participant, topicHandle, native, ud, len));
        NativeMethods.Check(reader, $"create a reader for topic '{fq}' ({ddsTopic}, {ddsType})");
        var condition = NativeMethods.Check(NativeMethods.ReadConditionCreate(reader), "create a read condition");
        var id = Interlocked.Increment(ref _nextEndpointId);
        var subscription = new DdsRawSubscription(this, id, fq, ddsTopic, reader, condition, effective, handler) { Internal = isInternal };
        _endpoints[id] = subscription;
        NativeMethods.Check(NativeMethods.SetStatusMask(reader, NativeMethods.RequestedIncompatibleQosStatus), "set the reader status mask");
        NativeMethods.Check(NativeMethods.WaitsetAttach(_waitset, condition, (id << 2) | DataTag), "attach the read condition");
        NativeMethods.Check(NativeMethods.WaitsetAttach(_waitset, reader, (id << 2) | StatusTag), "attach the reader");
        return subscription;
    }

    /// <summary>Deletes an endpoint's DDS entities; waits for a running dispatch to finish first.</summary>
    internal void Remove(DdsEndpoint endpoint, params int[] attached)
    {
        lock (_dispatchGate)
        {
            if (!_endpoints.TryRemove(endpoint.Id, out _) || _disposed != 0)
            {
                return;
            }

            foreach (var e in attached)
            {
                _ = NativeMethods.WaitsetDetach(_waitset, e);
            }

            _ = NativeMethods.Delete(endpoint.Entity);
            if (!endpoint.Internal)
            {
                AnnounceGraph();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping = true;
        _ = NativeMethods.GuardSet(_guard, 1);
        if (Thread.CurrentThread != _receiveThread)
        {
            _receiveThread.Join();
        }

        lock (_dispatchGate)
        {
            _endpoints.Clear();
            _ = NativeMethods.Delete(_participant);
        }

        DomainRegistry.Release(_options.DomainId);
    }

    internal static unsafe string Gid(int entity)
    {
        var buf = stackalloc byte[16];
        return NativeMethods.Guid(entity, buf) == 0 ? Convert.ToHexStringLower(new ReadOnlySpan<byte>(buf, 16)) : string.Empty;
    }

    private (string Fq, string DdsTopic, string DdsType, QosProfile Qos) Prepare(string topic, string rosType, QosProfile qos, EndpointKind kind)
    {
        ArgumentNullException.ThrowIfNull(qos);
        var fq = ResolveTopicName(topic);
        var effective = _options.QosOverrides.Resolve(fq, kind, qos).Validate(fq);
        return (fq, DdsNames.Topic(fq, effective.AvoidRosNamespaceConventions), DdsNames.MessageType(rosType), effective);
    }

    private int GetTopic(string ddsTopic, string ddsType)
    {
        lock (_topics)
        {
            if (_topics.TryGetValue(ddsTopic + "\n" + ddsType, out var t))
            {
                return t;
            }

            t = NativeMethods.Check(NativeMethods.TopicCreate(_participant, ddsTopic, ddsType), $"create DDS topic '{ddsTopic}' of type '{ddsType}'");
            _topics[ddsTopic + "\n" + ddsType] = t;
            return t;
        }
    }

    private static unsafe int CreateParticipant(DdsNodeOptions options)
    {
        var ud = Encoding.UTF8.GetBytes($"enclave={options.Enclave};");
        fixed (byte* p = ud)
        {
            return NativeMethods.Check(
                NativeMethods.ParticipantCreate(options.DomainId, p, (uint)ud.Length),
                $"create a participant on domain {options.DomainId} (check the Cyclone configuration and network interfaces)");
        }
    }

    private unsafe delegate int CreateWithUserData(byte* userData, uint length);

    private static unsafe int WithUserData(string? userData, CreateWithUserData create)
    {
        if (string.IsNullOrEmpty(userData))
        {
            return create(null, 0);
        }

        var bytes = Encoding.UTF8.GetBytes(userData);
        fixed (byte* p = bytes)
        {
            return create(p, (uint)bytes.Length);
        }
    }
}
