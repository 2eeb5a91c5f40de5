using Apprentice.Bag.Bags;
using Apprentice.Bag.Decoding;
using Apprentice.Bag.Metadata;
using Apprentice.Bag.Storage;
using Apprentice.Core;
using Apprentice.Ros.Cdr;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.Apprentice;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;

namespace Apprentice.Learning.Dataset;

/// <summary>
/// Bags → time-aligned (observation, action) samples at the control rate, one
/// <see cref="EpisodeSamples"/> per kept episode. Observation messages are replayed in receive-time
/// order through the node's own boxes and encoders (<see cref="ObservationReplay"/>); at each tick
/// (episode start + k·period) the snapshot is taken as the node takes it, and the action is the
/// newest command received no later than the tick plus <see cref="DatasetOptions.ActionLatency"/>
/// and no older than <see cref="DatasetOptions.ActionTimeout"/>. Deterministic; not thread-safe.
/// </summary>
public sealed class DatasetBuilder
{
    private readonly DatasetOptions _options;
    private readonly FeatureLayout _layout;

    /// <summary>Creates the builder.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public DatasetBuilder(DatasetOptions? options = null)
    {
        _options = options ?? DatasetOptions.Default;
        _options.Validate();
        _layout = FeatureLayout.For(_options);
    }

    /// <summary>The observation layout of the samples.</summary>
    public FeatureLayout Layout => _layout;

    /// <summary>Builds the dataset from <paramref name="bagPaths"/> (directories or storage files), in order.</summary>
    /// <exception cref="DatasetException">A bag is unreadable or corrupt, lacks a needed topic, or no bag yields a sample.</exception>
    public DemonstrationDataset Build(IEnumerable<string> bagPaths)
    {
        ArgumentNullException.ThrowIfNull(bagPaths);
        var episodes = new List<EpisodeSamples>();
        var total = new DatasetSkips(0, 0, 0, 0);
        var paths = bagPaths.ToList();
        foreach (var path in paths)
        {
            var (bagEpisodes, skips) = ReadBag(path);
            episodes.AddRange(bagEpisodes);
            total = new DatasetSkips(
                total.NotUsable + skips.NotUsable, total.NoAction + skips.NoAction,
                total.DiscardedEpisodes + skips.DiscardedEpisodes, total.UnsuccessfulEpisodes + skips.UnsuccessfulEpisodes);
        }

        if (episodes.Count == 0)
        {
            throw new DatasetException(
                $"No samples in {string.Join(", ", paths)}: {total.NotUsable} ticks had unusable observations and {total.NoAction} no action " +
                $"({total.DiscardedEpisodes} episodes discarded, {total.UnsuccessfulEpisodes} unsuccessful). Check the topics, the control rate and the episode labels.");
        }

        return new DemonstrationDataset(_layout, _options, episodes, total);
    }

    /// <summary>The kept episodes of one bag and what was skipped.</summary>
    /// <exception cref="DatasetException">The bag is unreadable or corrupt, or lacks a needed topic.</exception>
    public (IReadOnlyList<EpisodeSamples> Episodes, DatasetSkips Skips) ReadBag(string bagPath)
    {
        ArgumentNullException.ThrowIfNull(bagPath);
        try
        {
            using var bag = BagReader.Open(bagPath);
            return ReadOpen(bag, bagPath);
        }
        catch (Exception ex) when (ex is BagMetadataException or BagDecodeException or CdrException or IOException
            or InvalidDataException or MessageFieldLengthException or Microsoft.Data.Sqlite.SqliteException or ConfigurationException or UnauthorizedAccessException)
        {
            throw new DatasetException($"Bag '{bagPath}' cannot be read as demonstrations: {ex.Message}", ex) { BagPath = bagPath };
        }
    }

    private (IReadOnlyList<EpisodeSamples>, DatasetSkips) ReadOpen(BagReader bag, string path)
    {
        CheckTopics(bag, path);
        var infos = EpisodeReader.Read(bag, _options.EpisodeTopic);
        var (actions, interventions) = ReadCommands(bag);
        var kept = infos.Where(e => !e.Discarded && (!_options.SuccessfulOnly || e.Success == true)).OrderBy(e => e.StartNs).ToList();
        var replay = new ObservationReplay(_options, _layout);
        var observationTopics = new HashSet<string>(StringComparer.Ordinal) { _options.JointStatesTopic };
        if (_options.GoalTopic is { } goal)
        {
            observationTopics.Add(goal);
        }

        if (_options.ScanBins is not null)
        {
            observationTopics.Add(_options.ScanTopic);
        }

        using var messages = bag.ReadMessages(new BagReadFilter { Topics = observationTopics }).GetEnumerator();
        var pending = messages.MoveNext() ? messages.Current : null;
        var episodes = new List<EpisodeSamples>();
        long notUsable = 0, noAction = 0;
        var periodNs = _options.Period.Ticks * 100;
        var bagStart = bag.StartTimeNs ?? long.MaxValue;
        var bagEnd = bag.EndTimeNs ?? long.MinValue;
        foreach (var info in kept)
        {
            var obs = new List<float>();
            var act = new List<float>();
            var times = new List<long>();
            // Clamped to the recorded span, so a bogus label cannot make us tick through empty years.
            var end = Math.Min(info.StopNs ?? bagEnd, bagEnd);
            for (var t = Math.Max(info.StartNs, bagStart); t <= end; t += periodNs)
            {
                while (pending is not null && pending.RecvTimestampNs <= t)
                {
                    Feed(replay, pending);
                    pending = messages.MoveNext() ? messages.Current : null;
                }

                if (!replay.TryObserve(t))
                {
                    notUsable++;
                    continue;
                }

                if (ActionAt(actions, interventions, t, path) is not { } action)
                {
                    noAction++;
                    continue;
                }

                foreach (var f in replay.Features)
                {
                    obs.Add(f);
                }

                foreach (var a in action)
                {
                    act.Add((float)a);
                }

                times.Add(t);
            }

            if (times.Count > 0)
            {
                episodes.Add(new EpisodeSamples(path, info, _layout.FeatureCount, _layout.ActionCount, [.. obs], [.. act], [.. times]));
            }
        }

        return (episodes, new DatasetSkips(notUsable, noAction, infos.Count(e => e.Discarded), infos.Count(e => !e.Discarded && _options.SuccessfulOnly && e.Success != true)));
    }

    private double[]? ActionAt(CommandTrack actions, InterventionTrack? interventions, long t, string path)
    {
        // Who commanded a tick is known when its command is: both are looked up at tick + latency.
        var horizon = t + (_options.EffectiveActionLatency.Ticks * 100);
        long? since = null;
        if (interventions is not null && (since = interventions.ActiveSince(horizon)) is null)
        {
            return null;
        }

        var i = actions.LatestAtOrBefore(horizon);
        if (i < 0 || t - actions.TimeAt(i) > _options.EffectiveActionTimeout.Ticks * 100 || (since is { } s && actions.TimeAt(i) < s))
        {
            return null;
        }

        var values = actions.ValuesAt(i);
        if (values.Length != _layout.ActionCount)
        {
            throw new DatasetException(
                $"Bag '{path}': a command on '{ActionTopicName}' has {values.Length} values but {_layout.ActionCount} joints are configured ({string.Join(", ", _layout.JointNames)}); " +
                "set the joint names or the action topic to match.") { BagPath = path };
        }

        return values;
    }

    private string ActionTopicName => _options.InterventionsOnly ? _options.CorrectionTopic : _options.ActionTopic;

    private (CommandTrack, InterventionTrack?) ReadCommands(BagReader bag)
    {
        var actions = new CommandTrack();
        foreach (var (raw, m) in bag.ReadMessages<Float64MultiArray>(ActionTopicName))
        {
            actions.Add(raw.RecvTimestampNs, m.Data);
        }

        if (!_options.InterventionsOnly)
        {
            return (actions, null);
        }

        var interventions = new InterventionTrack();
        foreach (var (raw, m) in bag.ReadMessages<Intervention>(_options.InterventionTopic))
        {
            interventions.Add(raw.RecvTimestampNs, m.Active);
        }

        interventions.Close();
        return (actions, interventions);
    }

    private static void Feed(ObservationReplay replay, BagMessage m)
    {
        switch (m.Topic)
        {
            case var t when t == replay.JointStatesTopic:
                replay.Write(RosMessageCodec.Decode<JointState>(m.Data.Span), m.RecvTimestampNs);
                break;
            case var t when t == replay.GoalTopic:
                replay.Write(RosMessageCodec.Decode<PoseStamped>(m.Data.Span), m.RecvTimestampNs);
                break;
            default:
                replay.Write(RosMessageCodec.Decode<LaserScan>(m.Data.Span), m.RecvTimestampNs);
                break;
        }
    }

    private void CheckTopics(BagReader bag, string path)
    {
        var needed = new List<(string Topic, string Type)> { (_options.JointStatesTopic, JointState.RosTypeName) };
        if (_options.GoalTopic is { } goal)
        {
            needed.Add((goal, PoseStamped.RosTypeName));
        }

        if (_options.ScanBins is not null)
        {
            needed.Add((_options.ScanTopic, LaserScan.RosTypeName));
        }

        needed.Add((ActionTopicName, Float64MultiArray.RosTypeName));
        if (_options.InterventionsOnly)
        {
            needed.Add((_options.InterventionTopic, Intervention.RosTypeName));
        }

        var topics = bag.Topics.ToDictionary(t => t.Name, t => t.Type, StringComparer.Ordinal);
        var missing = needed.Where(n => !topics.ContainsKey(n.Topic)).Select(n => $"{n.Topic} ({n.Type})").ToList();
        if (missing.Count > 0)
        {
            throw new DatasetException(
                $"Bag '{path}' lacks the topics {string.Join(", ", missing)} (it has: {string.Join(", ", topics.Keys.Order(StringComparer.Ordinal))}); " +
                "record them or set the topic options to the bag's names.") { BagPath = path };
        }

        var wrong = needed.Where(n => topics[n.Topic] != n.Type).Select(n => $"{n.Topic} holds {topics[n.Topic]}, not {n.Type}").ToList();
        if (wrong.Count > 0)
        {
            throw new DatasetException($"Bag '{path}': {string.Join("; ", wrong)}.") { BagPath = path };
        }
    }
}
