using Apprentice.Bag.Storage;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.Apprentice;
using Apprentice.Ros.Qos;
using Apprentice.Ros.Registry;
using Apprentice.Ros.Schema;

namespace Apprentice.Nodes.Recorder;

// Episodes: each event is a message on EpisodeTopic in the bag and on ~/episode_events, and the
// whole list is kept in custom_data (updated at each event; stored at splits and at close).
public sealed partial class RecorderNode
{
    private readonly EpisodeLog _episodes = new();
    private readonly Lock _episodeGate = new();
    private IRawPublisher _episodeEvents = null!;
    private string _episodeEventsTopic = "";

    /// <summary>Raised after each applied episode event (on the caller's thread).</summary>
    public event Action<EpisodeEvent>? EpisodeEventRecorded;

    /// <summary>The episodes so far.</summary>
    public IReadOnlyList<Episode> Episodes
    {
        get
        {
            lock (_episodeGate)
            {
                return [.. _episodes.Episodes];
            }
        }
    }

    /// <summary>Starts an episode (fails while one is running).</summary>
    public EpisodeResult StartEpisode(string task, string operatorName)
    {
        lock (_episodeGate)
        {
            return Apply(_episodes.Start(task ?? "", operatorName ?? "", NowNs()));
        }
    }

    /// <summary>Stops the running episode with its outcome label.</summary>
    public EpisodeResult StopEpisode(bool success)
    {
        lock (_episodeGate)
        {
            return Apply(_episodes.Stop(success, NowNs()));
        }
    }

    /// <summary>Marks the running episode discarded (its messages stay in the bag).</summary>
    public EpisodeResult DiscardEpisode()
    {
        lock (_episodeGate)
        {
            return Apply(_episodes.Discard(NowNs()));
        }
    }

    /// <summary>Sets the labels of episode <paramref name="index"/> (<see cref="uint.MaxValue"/>: the current/last one); empty texts keep the old ones.</summary>
    public EpisodeResult LabelEpisode(uint index, string task, string operatorName, bool success)
    {
        lock (_episodeGate)
        {
            return Apply(_episodes.Label(index, task ?? "", operatorName ?? "", success, NowNs()));
        }
    }

    private void InitEpisodes()
    {
        BagMessageDefinition? definition = null;
        try
        {
            definition = new BagMessageDefinition(EpisodeEvent.RosTypeName, "ros2msg", Ros2MsgSchema.Build(_definitions, EpisodeEvent.RosTypeName));
        }
        catch (InterfaceNotFoundException e)
        {
            _log.Warning("Episode events are recorded without a schema: {Reason}. Add the project's msg folder to the registry.", e.Message);
        }

        _writer.CreateTopic(new BagTopic(EpisodeTopic, EpisodeEvent.RosTypeName, "cdr", FormatQos(EpisodeQos)), definition);
        _episodeEventsTopic = _transport.ResolveTopicName("~/episode_events");
        _episodeEvents = _transport.CreateRawPublisher("~/episode_events", EpisodeEvent.RosTypeName, EpisodeQos);
    }

    // Late joiners (a dashboard) get the recent events.
    private static QosProfile EpisodeQos => QosProfiles.Default with { Durability = DurabilityPolicy.TransientLocal, Depth = 100 };

    private static string FormatQos(QosProfile qos) => Player.OfferedQosYaml.Format([qos]);

    private EpisodeResult Apply((EpisodeResult Result, EpisodeEvent? Event) outcome)
    {
        if (outcome.Event is not { } e)
        {
            _log.Warning("Episode request refused: {Message}", outcome.Result.Message);
            return outcome.Result;
        }

        var bytes = RosMessageCodec.Encode(e);
        var now = NowNs();
        if (!_closed && !_writer.TryWrite(new BagMessage(EpisodeTopic, now, now, bytes)))
        {
            _log.Warning("Episode event for episode {Index} could not be written to the bag (cache full or paused); it is kept in custom_data", e.EpisodeIndex);
        }

        _ = _episodeEvents.Publish(bytes);
        _writer.SetCustomData(EpisodesCustomDataKey, _episodes.ToJson());
        _log.Information("{Message}", outcome.Result.Message);
        EpisodeEventRecorded?.Invoke(e);
        return outcome.Result;
    }

    private void CloseEpisodes()
    {
        lock (_episodeGate)
        {
            _writer.SetCustomData(EpisodesCustomDataKey, _episodes.ToJson());
        }

        _episodeEvents.Dispose();
    }
}
