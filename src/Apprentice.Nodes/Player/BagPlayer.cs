using System.Text.RegularExpressions;
using Apprentice.Bag.Bags;
using Apprentice.Bag.Storage;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Qos;
using Serilog;

namespace Apprentice.Nodes.Player;

/// <summary>
/// Replays a bag onto a transport like <c>ros2 bag play</c>: every message's CDR bytes unchanged,
/// each topic published with the QoS its recorded publishers offered, spaced by receive time
/// divided by <see cref="PlayerOptions.Rate"/> on the injected <see cref="TimeProvider"/>, with
/// optional <c>/clock</c>, loop, pause/resume and play-next.
/// </summary>
/// <remarks>
/// <see cref="PlayAsync"/> runs one playback at a time; <see cref="Pause"/>, <see cref="Resume"/>
/// and <see cref="PlayNextAsync"/> may be called from any thread (services, a keyboard handler).
/// </remarks>
public sealed partial class BagPlayer : IDisposable
{
    private readonly BagReader _bag;
    private readonly PlayerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Dictionary<string, IRawPublisher> _publishers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QosProfile> _qos = new(StringComparer.Ordinal);
    private readonly PlaybackClock _clock;
    private readonly Lock _gate = new();
    private readonly ClockPublisher? _clockPublisher;
    private TaskCompletionSource _wake = NewWake();
    private TaskCompletionSource<bool>? _playNext;
    private long _published;
    private long _currentBagNs;

    /// <summary>Creates one publisher per played topic (after filters and remaps) on <paramref name="transport"/>.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public BagPlayer(BagReader bag, ITransport transport, PlayerOptions options, TimeProvider time, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(bag);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        _bag = bag;
        _options = (options ?? PlayerOptions.Default).Validated();
        _time = time;
        _log = log;
        _clock = new PlaybackClock(_options.Rate);
        if (_options.StartPaused)
        {
            _clock.Pause(time.GetUtcNow());
        }

        var exclude = _options.ExcludeRegex is { } r ? new Regex(r, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) : null;
        foreach (var topic in bag.Topics)
        {
            if ((_options.Topics is { } only && !only.Contains(topic.Name)) || (exclude?.IsMatch(topic.Name) ?? false))
            {
                continue;
            }

            var qos = PlaybackQos.Choose(OfferedQosYaml.Parse(OfferedProfiles(topic)));
            var name = _options.Remaps.GetValueOrDefault(topic.Name, topic.Name);
            _publishers[topic.Name] = transport.CreateRawPublisher(name, topic.Type, qos);
            _qos[name] = qos;
        }

        _currentBagNs = bag.StartTimeNs ?? 0;
        if (_options.ClockHz > 0)
        {
            _clockPublisher = new ClockPublisher(transport, time, TimeSpan.FromSeconds(1.0 / _options.ClockHz), CurrentBagTimeNs);
        }
    }

    /// <summary>Raised after each message is published (on the playing thread): bag topic, receive time (ns), wall time.</summary>
    public event Action<string, long, DateTimeOffset>? MessagePublished;

    /// <summary>QoS each played topic is published with, by published (remapped) name.</summary>
    public IReadOnlyDictionary<string, QosProfile> TopicQos => _qos;

    /// <summary>Subscriptions currently matched per played topic (published name); wait on it before playing to lose nothing.</summary>
    public IReadOnlyDictionary<string, int> MatchedSubscriptions() =>
        _publishers.ToDictionary(p => p.Value.Topic, p => p.Value.MatchedSubscriptionCount, StringComparer.Ordinal);

    /// <summary>Messages handed to the transport so far.</summary>
    public long PublishedCount => Interlocked.Read(ref _published);

    /// <summary>True while paused.</summary>
    public bool IsPaused
    {
        get
        {
            lock (_gate)
            {
                return _clock.Paused;
            }
        }
    }

    /// <summary>The wall time the player is waiting for (the next message's due time), or null when not waiting on time. For tests.</summary>
    internal DateTimeOffset? WaitingUntil { get; private set; }

    /// <summary>Bag time (ns since the epoch) playback has reached; what <c>/clock</c> publishes.</summary>
    public long CurrentBagTimeNs()
    {
        lock (_gate)
        {
            return Math.Max(_currentBagNs, _clock.BagNow(_time.GetUtcNow()));
        }
    }

    /// <summary>
    /// Plays the bag (again and again with <see cref="PlayerOptions.Loop"/>) until it ends or
    /// <paramref name="cancel"/> fires; cancellation ends playback normally.
    /// </summary>
    public async Task PlayAsync(CancellationToken cancel = default)
    {
        var first = (_bag.StartTimeNs ?? 0) + (_options.StartOffset.Ticks * 100);
        var filter = new BagReadFilter { Topics = _publishers.Keys.ToHashSet(StringComparer.Ordinal), StartNs = first };
        try
        {
            do
            {
                lock (_gate)
                {
                    _clock.Start(_time.GetUtcNow(), first);
                    _currentBagNs = first;
                }

                _clockPublisher?.Start();

                await foreach (var message in ReadAhead.Prefetch(_bag.ReadMessages(filter), _options.ReadAheadMessages, cancel).ConfigureAwait(false))
                {
                    var playNext = await WaitUntilDueAsync(message.RecvTimestampNs, cancel).ConfigureAwait(false);
                    Publish(message);
                    playNext?.TrySetResult(true);
                }
            }
            while (_options.Loop && !cancel.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Cancelled: a normal end of playback.
        }
        finally
        {
            _clockPublisher?.Stop();
            lock (_gate)
            {
                WaitingUntil = null;
                _playNext?.TrySetResult(false);
                _playNext = null;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _clockPublisher?.Dispose();
        foreach (var p in _publishers.Values)
        {
            p.Dispose();
        }
    }

    // Storage files carry the offers per topic; older bags have them only in metadata.yaml.
    private string OfferedProfiles(BagTopic topic) =>
        topic.OfferedQosProfiles.Length > 0 ? topic.OfferedQosProfiles
            : _bag.Metadata?.Topics.FirstOrDefault(t => t.Topic.Name == topic.Name)?.Topic.OfferedQosProfiles ?? "";

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal()
    {
        var old = _wake;
        _wake = NewWake();
        old.TrySetResult();
    }

    private void Publish(BagMessage message)
    {
        var outcome = _publishers[message.Topic].Publish(message.Data.Span);
        if (outcome == PublishOutcome.Published)
        {
            Interlocked.Increment(ref _published);
        }
        else
        {
            _log.Warning("Replaying {Topic}: the transport answered {Outcome}; the message is skipped", message.Topic, outcome);
        }

        MessagePublished?.Invoke(message.Topic, message.RecvTimestampNs, _time.GetUtcNow());
    }

    // Returns the play-next request this message answers, if any.
    private async Task<TaskCompletionSource<bool>?> WaitUntilDueAsync(long bagNs, CancellationToken cancel)
    {
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            Task wake;
            CancellationTokenSource? stop = null;
            Task? delay = null;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                if (_playNext is { } request)
                {
                    _playNext = null;
                    _clock.JumpTo(now, bagNs);
                    _currentBagNs = bagNs;
                    WaitingUntil = null;
                    return request;
                }

                wake = _wake.Task;
                WaitingUntil = null;
                if (!_clock.Paused)
                {
                    var due = _clock.WallDue(bagNs);
                    if (due <= now)
                    {
                        _currentBagNs = Math.Max(_currentBagNs, bagNs);
                        return null;
                    }

                    // The timer exists before WaitingUntil is visible, so whoever moves (fake) time
                    // to the due time cannot do it before the timer is armed.
                    stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                    delay = Task.Delay(due - now, _time, stop.Token);
                    WaitingUntil = due;
                }
            }

            if (delay is null)
            {
                await wake.WaitAsync(cancel).ConfigureAwait(false);
                continue;
            }

            using (stop)
            {
                await Task.WhenAny(delay, wake).ConfigureAwait(false);
                await stop!.CancelAsync().ConfigureAwait(false);
            }
        }
    }
}
