using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Services;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.Apprentice;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Recorder;

/// <summary>
/// The recorder's episode services on a DDS node: <c>~/start_episode</c>, <c>~/stop_episode</c>,
/// <c>~/discard_episode</c>, <c>~/label_episode</c> (apprentice/srv/*). Dispose to remove them.
/// </summary>
public sealed class EpisodeServices : IDisposable
{
    private readonly List<DdsServiceServer> _servers;

    /// <summary>Creates the four services on <paramref name="node"/>, answering from <paramref name="recorder"/>.</summary>
    public EpisodeServices(DdsNode node, RecorderNode recorder)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(recorder);
        _servers =
        [
            node.CreateRawService("~/start_episode", StartEpisodeService.RosTypeName, QosProfiles.Services, request =>
            {
                var q = RosMessageCodec.Decode<StartEpisodeRequest>(request);
                var r = recorder.StartEpisode(q.Task, q.OperatorName);
                return RosMessageCodec.Encode(new StartEpisodeResponse { Success = r.Ok, EpisodeIndex = r.Index, Message = r.Message });
            }),
            node.CreateRawService("~/stop_episode", StopEpisodeService.RosTypeName, QosProfiles.Services, request =>
            {
                var q = RosMessageCodec.Decode<StopEpisodeRequest>(request);
                var r = recorder.StopEpisode(q.SuccessLabel);
                return RosMessageCodec.Encode(new StopEpisodeResponse { Success = r.Ok, EpisodeIndex = r.Index, Message = r.Message });
            }),
            node.CreateRawService("~/discard_episode", DiscardEpisodeService.RosTypeName, QosProfiles.Services, _ =>
            {
                var r = recorder.DiscardEpisode();
                return RosMessageCodec.Encode(new DiscardEpisodeResponse { Success = r.Ok, EpisodeIndex = r.Index, Message = r.Message });
            }),
            node.CreateRawService("~/label_episode", LabelEpisodeService.RosTypeName, QosProfiles.Services, request =>
            {
                var q = RosMessageCodec.Decode<LabelEpisodeRequest>(request);
                var r = recorder.LabelEpisode(q.EpisodeIndex, q.Task, q.OperatorName, q.SuccessLabel);
                return RosMessageCodec.Encode(new LabelEpisodeResponse { Success = r.Ok, Message = r.Message });
            }),
        ];
    }

    /// <inheritdoc />
    public void Dispose() => _servers.ForEach(s => s.Dispose());
}
