using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Services;
using Apprentice.Ros.Msgs.Rosbag2Interfaces;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Recorder;

/// <summary>
/// rosbag2's recorder services on a DDS node (rosbag2_interfaces/srv/*): <c>~/pause</c>,
/// <c>~/resume</c>, <c>~/is_paused</c>, <c>~/split_bagfile</c>, <c>~/snapshot</c>. Dispose to remove them.
/// </summary>
public sealed class RecorderServices : IDisposable
{
    private readonly List<DdsServiceServer> _servers;

    /// <summary>Creates the services on <paramref name="node"/>, acting on <paramref name="recorder"/>.</summary>
    public RecorderServices(DdsNode node, RecorderNode recorder)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(recorder);
        var qos = QosProfiles.Services;
        _servers =
        [
            node.CreateService<PauseService, PauseRequest, PauseResponse>("~/pause", qos, _ =>
            {
                recorder.Pause();
                return new PauseResponse();
            }),
            node.CreateService<ResumeService, ResumeRequest, ResumeResponse>("~/resume", qos, _ =>
            {
                recorder.Resume();
                return new ResumeResponse();
            }),
            node.CreateService<IsPausedService, IsPausedRequest, IsPausedResponse>("~/is_paused", qos, _ => new IsPausedResponse { Paused = recorder.IsPaused }),
            node.CreateService<SplitBagfileService, SplitBagfileRequest, SplitBagfileResponse>("~/split_bagfile", qos, request =>
            {
                _ = recorder.SplitBagFile();
                return new SplitBagfileResponse();
            }),
            node.CreateService<SnapshotService, SnapshotRequest, SnapshotResponse>("~/snapshot", qos, _ => new SnapshotResponse { Success = recorder.Snapshot() }),
        ];
    }

    /// <inheritdoc />
    public void Dispose() => _servers.ForEach(s => s.Dispose());
}
