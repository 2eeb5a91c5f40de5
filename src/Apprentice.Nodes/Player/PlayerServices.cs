using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Services;
using Apprentice.Ros.Msgs.Rosbag2Interfaces;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Player;

/// <summary>
/// rosbag2's player services on a DDS node (rosbag2_interfaces/srv/*): <c>~/pause</c>, <c>~/resume</c>,
/// <c>~/toggle_paused</c>, <c>~/is_paused</c>, <c>~/play_next</c>, <c>~/set_rate</c>, <c>~/get_rate</c>.
/// Dispose to remove them.
/// </summary>
/// <remarks>
/// <c>~/play_next</c> answers once the message is published (as rosbag2 does), waiting at most
/// <see cref="PlayNextTimeout"/> on the node's receive thread; it answers false when not paused,
/// at the end of the bag, or when playback is not running.
/// </remarks>
public sealed class PlayerServices : IDisposable
{
    /// <summary>Longest a <c>~/play_next</c> request waits for the message to go out.</summary>
    public static readonly TimeSpan PlayNextTimeout = TimeSpan.FromSeconds(5);

    private readonly List<DdsServiceServer> _servers;

    /// <summary>Creates the services on <paramref name="node"/>, acting on <paramref name="player"/>.</summary>
    public PlayerServices(DdsNode node, BagPlayer player)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(player);
        var qos = QosProfiles.Services;
        _servers =
        [
            node.CreateService<PauseService, PauseRequest, PauseResponse>("~/pause", qos, _ =>
            {
                player.Pause();
                return new PauseResponse();
            }),
            node.CreateService<ResumeService, ResumeRequest, ResumeResponse>("~/resume", qos, _ =>
            {
                player.Resume();
                return new ResumeResponse();
            }),
            node.CreateService<TogglePausedService, TogglePausedRequest, TogglePausedResponse>("~/toggle_paused", qos, request =>
            {
                _ = player.TogglePaused();
                return new TogglePausedResponse();
            }),
            node.CreateService<IsPausedService, IsPausedRequest, IsPausedResponse>("~/is_paused", qos, _ => new IsPausedResponse { Paused = player.IsPaused }),
            node.CreateService<PlayNextService, PlayNextRequest, PlayNextResponse>("~/play_next", qos, _ => new PlayNextResponse { Success = PlayNext(player) }),
            node.CreateService<SetRateService, SetRateRequest, SetRateResponse>("~/set_rate", qos, q => new SetRateResponse { Success = player.SetRate(q.Rate) }),
            node.CreateService<GetRateService, GetRateRequest, GetRateResponse>("~/get_rate", qos, _ => new GetRateResponse { Rate = player.Rate }),
        ];
    }

    /// <inheritdoc />
    public void Dispose() => _servers.ForEach(s => s.Dispose());

    private static bool PlayNext(BagPlayer player)
    {
        var next = player.PlayNextAsync();
        return next.Wait(PlayNextTimeout) && next.Result;
    }
}
