using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Services;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.Apprentice;
using Apprentice.Ros.Msgs.BuiltinInterfaces;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Qos;
using Apprentice.Sim.Tasks;

namespace Apprentice.Sim.Nodes;

/// <summary>
/// Lets another process run seeded episodes on a <see cref="SimNode"/>: <c>~/reset_episode</c>
/// (apprentice/srv/ResetEpisode) starts episode (seed, index) at the next step, and every decided episode is published
/// on <c>~/episode_result</c> (apprentice/msg/SimEpisodeResult). The service handler runs on the DDS receive thread
/// and only requests; results are published on the stepping thread.
/// </summary>
public sealed class SimEpisodeServices : IDisposable
{
    /// <summary>Topic of the results, relative to the node ("/sim/episode_result" for node "sim").</summary>
    public const string ResultTopic = "~/episode_result";

    /// <summary>Service name, relative to the node ("/sim/reset_episode").</summary>
    public const string ResetService = "~/reset_episode";

    private readonly SimNode _sim;
    private readonly DdsServiceServer _reset;
    private readonly Publisher<SimEpisodeResult> _results;

    /// <summary>Registers the service and the result topic of <paramref name="sim"/> on <paramref name="node"/>.</summary>
    public SimEpisodeServices(DdsNode node, SimNode sim)
    {
        ArgumentNullException.ThrowIfNull(node);
        _sim = sim ?? throw new ArgumentNullException(nameof(sim));
        _results = node.CreatePublisher<SimEpisodeResult>(ResultTopic, QosProfiles.Default);
        _reset = node.CreateService<ResetEpisodeService, ResetEpisodeRequest, ResetEpisodeResponse>(ResetService, QosProfiles.Services, q =>
        {
            if (q.Index < 0)
            {
                return new ResetEpisodeResponse { Success = false, Message = $"episode index {q.Index} is negative; indices start at 0" };
            }

            sim.RequestReset(sim.Simulation.Task.Generate(q.Seed, q.Index));
            return new ResetEpisodeResponse { Success = true, Message = $"episode {q.Index} of seed {q.Seed} starts at the next step" };
        });
        sim.EpisodeEnded += Publish;
    }

    /// <summary>The message published for <paramref name="result"/>, stamped with <paramref name="stampNs"/> [ns].</summary>
    public static SimEpisodeResult ToMessage(EpisodeResult result, long stampNs)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new SimEpisodeResult
        {
            Header = new Header { Stamp = new Time { Sec = (int)(stampNs / 1_000_000_000), Nanosec = (uint)(stampNs % 1_000_000_000) } },
            Seed = result.Seed,
            Index = result.Index,
            Success = result.Outcome == ReachOutcome.Succeeded,
            TimeToSuccess = result.TimeToSuccess?.TotalSeconds ?? double.NaN,
            Duration = result.Duration.TotalSeconds,
            Collisions = result.Collisions,
            MinClearance = result.MinClearanceM,
            MinDistance = result.MinDistanceM,
        };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _sim.EpisodeEnded -= Publish;
        _reset.Dispose();
        _results.Dispose();
    }

    private void Publish(EpisodeResult result) => _results.Publish(ToMessage(result, _sim.Clock.ElapsedNs));
}
