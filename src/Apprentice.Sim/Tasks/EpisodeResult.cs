namespace Apprentice.Sim.Tasks;

/// <summary>What one reach episode came to.</summary>
/// <param name="Seed">Run seed.</param>
/// <param name="Index">Episode index.</param>
/// <param name="Outcome">Succeeded or timed out.</param>
/// <param name="TimeToSuccess">When the successful hold began (null unless succeeded).</param>
/// <param name="Duration">Episode time when it ended.</param>
/// <param name="Collisions">Arm-vs-world collisions counted.</param>
/// <param name="MinClearanceM">Smallest arm-obstacle distance [m] (+∞ beyond 0.3 m).</param>
/// <param name="MinDistanceM">Closest TCP-to-target distance [m].</param>
public sealed record EpisodeResult(int Seed, int Index, ReachOutcome Outcome, TimeSpan? TimeToSuccess, TimeSpan Duration, int Collisions, double MinClearanceM, double MinDistanceM)
{
    /// <summary>Reads the result off a simulation whose episode has ended (or is cut short).</summary>
    public static EpisodeResult From(ReachSimulation sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        return new EpisodeResult(sim.Episode.Seed, sim.Episode.Index, sim.Outcome, sim.Monitor.ReachedAt, sim.EpisodeTime, sim.CollisionCount, sim.MinClearanceM, sim.Monitor.MinDistanceM);
    }

    /// <summary>One line for logs and the CLI.</summary>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"episode {Index} seed {Seed}: {Outcome.ToString().ToLowerInvariant()} t={(TimeToSuccess?.TotalSeconds ?? Duration.TotalSeconds):F2}s collisions={Collisions} min_clearance={(double.IsFinite(MinClearanceM) ? MinClearanceM.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : ">0.3")}m min_dist={MinDistanceM:F3}m");
}
