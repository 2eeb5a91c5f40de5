using Apprentice.Ros.Cdr;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.Apprentice;

namespace Apprentice.Nodes.Recorder;

// Intervention intervals: every recorded topic of type apprentice/msg/Intervention (the policy
// node's /apprentice/intervention) also opens and closes intervals of the running episode.
public sealed partial class RecorderNode
{
    /// <summary>The topic the policy node publishes its takeover state on (any topic of this type is followed).</summary>
    public const string InterventionTopic = "/apprentice/intervention";

    private void FollowIntervention(ReadOnlySpan<byte> cdr)
    {
        Intervention message;
        try
        {
            message = RosMessageCodec.Decode<Intervention>(cdr);
        }
        catch (CdrException e)
        {
            _log.Warning("An Intervention message did not decode ({Reason}); the interval is not updated", e.Message);
            return;
        }

        lock (_episodeGate)
        {
            if (_episodes.Intervention(message.Active, message.Source, NowNs()))
            {
                _writer.SetCustomData(EpisodesCustomDataKey, _episodes.ToJson());
            }
        }
    }
}
