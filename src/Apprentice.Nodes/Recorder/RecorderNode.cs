using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Apprentice.Bag.Bags;
using Apprentice.Bag.Storage;
using Apprentice.Dds.Transport;
using Apprentice.Nodes.Player;
using Apprentice.Ros.Qos;
using Apprentice.Ros.Registry;
using Apprentice.Ros.Schema;
using Serilog;

namespace Apprentice.Nodes.Recorder;

/// <summary>
/// Records topics of a ROS graph into a rosbag2 bag, like <c>ros2 bag record</c>: topics found by
/// discovery (all, a list, regex include/exclude, excluded types), subscribed with QoS compatible
/// with every publisher, schemas from the interface registry, offered QoS stored per topic. Also
/// records demonstration episodes (see <see cref="StartEpisode"/>).
/// </summary>
/// <remarks>
/// Subscription callbacks only copy the bytes into the bag writer's bounded cache
/// (<see cref="BagWriter.TryWrite(BagMessage)"/>): they never block on disk; what does not fit is dropped and
/// counted per topic (<see cref="Counts"/>). Public methods are thread-safe.
/// </remarks>
public sealed partial class RecorderNode : IDisposable
{
    /// <summary>Bag topic holding the episode events (apprentice/msg/EpisodeEvent).</summary>
    public const string EpisodeTopic = "/apprentice/episode_events";

    /// <summary><c>custom_data</c> key of the per-topic counts at close (JSON object: topic → received/written/dropped).</summary>
    public const string CountsCustomDataKey = "apprentice.recorder_counts";

    /// <summary><c>custom_data</c> key of the episodes (a JSON array) in metadata.yaml.</summary>
    public const string EpisodesCustomDataKey = "apprentice.episodes";

    private readonly ITransport _transport;
    private readonly IMessageDefinitionProvider _definitions;
    private readonly RecorderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly BagWriter _writer;
    private readonly Regex? _include;
    private readonly Regex? _exclude;
    private readonly HashSet<string> _explicit;
    private readonly ConcurrentDictionary<string, TopicCounters> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IRawSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _skipped = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private ITimer? _discovery;
    private volatile int _subscriptionsCount;
    private bool _closed;

    /// <summary>Creates the bag (nothing is subscribed until <see cref="Start"/> or <see cref="Discover"/>).</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="IOException">The output directory exists and is not empty.</exception>
    public RecorderNode(ITransport transport, IMessageDefinitionProvider definitions, RecorderOptions options, TimeProvider time, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        _options = options.Validated();
        _transport = transport;
        _definitions = definitions;
        _time = time;
        _log = log;
        _include = options.IncludeRegex is { } i ? new Regex(i, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) : null;
        _exclude = options.ExcludeRegex is { } x ? new Regex(x, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) : null;
        _explicit = options.Topics.Select(transport.ResolveTopicName).ToHashSet(StringComparer.Ordinal);
        _writer = BagWriter.Create(options.OutputDirectory, options.Writer);
        InitEpisodes();
        InitSplitEvents();
        InitDiagnostics();
    }

    /// <summary>The bag directory.</summary>
    public string BagDirectory => _writer.Directory;

    /// <summary>Per-topic received/written/dropped counts, by topic name.</summary>
    public IReadOnlyDictionary<string, TopicCounts> Counts => _counters.ToDictionary(kv => kv.Key, kv => kv.Value.Snapshot(), StringComparer.Ordinal);

    /// <summary>Topics being recorded (subscribed).</summary>
    public IReadOnlyList<string> RecordedTopics
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Keys.Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Publishers currently matched per recorded topic (0 means samples cannot arrive yet).</summary>
    public IReadOnlyDictionary<string, int> MatchedPublishers()
    {
        lock (_gate)
        {
            return _subscriptions.ToDictionary(kv => kv.Key, kv => kv.Value.MatchedPublisherCount, StringComparer.Ordinal);
        }
    }

    /// <summary>Scans the graph now and then every <see cref="RecorderOptions.DiscoveryPeriod"/> (on the injected clock).</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _discovery ??= _time.CreateTimer(_ => DiscoverSafely(), null, TimeSpan.Zero, _options.DiscoveryPeriod);
            Diagnostics?.Start();
        }
    }

    /// <summary>Subscribes to every newly discovered topic that the options select; returns how many.</summary>
    public int Discover()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return 0;
            }

            var added = 0;
            var publishers = _transport.DiscoveredEndpoints()
                .Where(e => e.Kind == EndpointKind.Publisher && e.RosTopic is not null && e.RosType is not null)
                .GroupBy(e => e.RosTopic!, StringComparer.Ordinal);
            foreach (var group in publishers)
            {
                if (!_subscriptions.ContainsKey(group.Key) && !_skipped.Contains(group.Key) && Selected(group.Key) &&
                    group.Count() > OwnPublishers(group.Key) && TrySubscribe(group.Key, [.. group]))
                {
                    added++;
                }
            }

            return added;
        }
    }

    /// <summary>
    /// Stops discovery and subscriptions, stores the episodes in <c>custom_data</c>, drains the cache
    /// and closes the bag. Idempotent.
    /// </summary>
    /// <exception cref="BagWriteException">Writing failed while recording (the bag is still closed readable).</exception>
    public void Close()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            _discovery?.Dispose();
            Diagnostics?.Dispose();
            foreach (var s in _subscriptions.Values)
            {
                s.Dispose();
            }
        }

        CloseEpisodes();
        var counts = Counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        foreach (var (topic, c) in counts)
        {
            _log.Information("Recorded {Topic}: {Received} received, {Written} written, {Dropped} dropped", topic, c.Received, c.Written, c.Dropped);
        }

        // So a bag tells later readers whether (and where) the recorder dropped data.
        _writer.SetCustomData(CountsCustomDataKey, System.Text.Json.JsonSerializer.Serialize(
            counts.ToDictionary(kv => kv.Key, kv => new Dictionary<string, long> { ["received"] = kv.Value.Received, ["written"] = kv.Value.Written, ["dropped"] = kv.Value.Dropped })));

        try
        {
            _writer.Close();
        }
        finally
        {
            _writer.FileSplit -= OnFileSplit;
            _splitEvents?.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Close();
        }
        catch (BagWriteException e)
        {
            _log.Error(e, "Recording to {Bag} failed", _writer.Directory);
        }

        _writer.Dispose();
    }

    private long NowNs() => (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;

    // The recorder's own /diagnostics and events/write_split are recorded only once another node
    // publishes there too (the graph lists our own writers).
    private int OwnPublishers(string topic) =>
        (topic == _splitEventsTopic ? 1 : 0) + (Diagnostics is not null && topic == Nodes.Diagnostics.DiagnosticsPublisher.Topic ? 1 : 0);

    private bool Selected(string topic)
    {
        if (topic == EpisodeTopic || topic == _episodeEventsTopic)
        {
            return false;
        }

        if (_explicit.Contains(topic))
        {
            return true;
        }

        return (_options.All || (_include?.IsMatch(topic) ?? false)) && !(_exclude?.IsMatch(topic) ?? false);
    }

    private bool TrySubscribe(string topic, List<DiscoveredEndpoint> publishers)
    {
        var type = publishers[0].RosType!;
        if (publishers.Any(p => p.RosType != type))
        {
            _log.Warning("Topic {Topic} has publishers of several types; recording {Type} only", topic, type);
        }

        if (_options.ExcludeTypes.Contains(type))
        {
            _skipped.Add(topic);
            return false;
        }

        string schema;
        try
        {
            schema = Ros2MsgSchema.Build(_definitions, type);
        }
        catch (Exception e) when (e is InterfaceNotFoundException or Apprentice.Ros.Idl.IdlParseException)
        {
            _skipped.Add(topic);
            _log.Warning("Not recording {Topic}: its type {Type} is unknown ({Reason}); add its package to AMENT_PREFIX_PATH", topic, type, e.Message);
            return false;
        }

        var offered = publishers.Where(p => p.RosType == type).Select(p => p.Qos).ToList();
        var hash = TypeHash(publishers[0].UserData);
        _writer.CreateTopic(new BagTopic(topic, type, "cdr", OfferedQosYaml.Format(offered), hash), new BagMessageDefinition(type, "ros2msg", schema, hash));
        var counters = _counters.GetOrAdd(topic, _ => new TopicCounters());
        var qos = RecordingQos.Adapt(offered, _options.SubscriptionDepth);
        _subscriptions[topic] = type == Ros.Msgs.Apprentice.Intervention.RosTypeName
            ? _transport.CreateRawSubscription(topic, type, qos, (cdr, info) =>
            {
                Record(topic, counters, cdr, info);
                FollowIntervention(cdr);
            })
            : _transport.CreateRawSubscription(topic, type, qos, (cdr, info) => Record(topic, counters, cdr, info));
        _subscriptionsCount = _subscriptions.Count;
        AddTopicDiagnostics(topic, counters);
        _log.Information("Recording {Topic} ({Type}) with QoS ({Qos})", topic, type, qos);
        return true;
    }

    private void Record(string topic, TopicCounters counters, ReadOnlySpan<byte> cdr, MessageInfo info)
    {
        if (_writer.IsPaused)
        {
            counters.CountPaused();
            return;
        }

        var now = NowNs();
        counters.Count(_writer.TryWrite(topic, now, info.SourceTimestampNs == 0 ? now : info.SourceTimestampNs, cdr));
    }

    private static string TypeHash(string userData)
    {
        const string Key = "typehash=";
        var at = userData.IndexOf(Key, StringComparison.Ordinal);
        if (at < 0)
        {
            return "";
        }

        var end = userData.IndexOf(';', at);
        return end < 0 ? userData[(at + Key.Length)..] : userData[(at + Key.Length)..end];
    }

    private void DiscoverSafely()
    {
        try
        {
            Discover();
        }
#pragma warning disable CA1031 // a failed scan must not kill the timer; the next one retries
        catch (Exception e)
#pragma warning restore CA1031
        {
            _log.Error(e, "Topic discovery failed; retrying at the next scan");
        }
    }
}
