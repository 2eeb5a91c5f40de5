using Apprentice.Sim.Perturbations;
using Apprentice.Sim.Tasks;

namespace Apprentice.Sim.Expert;

/// <summary>
/// Runs reach episodes in lockstep with the scripted expert in the loop, no transport: every control period the
/// expert reads the simulated joints and target and commands joint velocities. Deterministic for a seed.
/// </summary>
public static class ExpertRollout
{
    /// <summary>Runs <paramref name="episode"/> to its outcome; <paramref name="onControlTick"/> (optional) sees each commanded action.</summary>
    public static EpisodeResult Run(
        ReachSimulation sim,
        ScriptedExpert expert,
        ReachEpisode episode,
        TimeSpan controlPeriod,
        PerturbationSchedule? perturbations = null,
        Action<ReachSimulation, ReadOnlyMemory<double>>? onControlTick = null)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(expert);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(controlPeriod, TimeSpan.Zero);
        sim.Reset(episode, perturbations);
        expert.Reset();
        var q = new double[7];
        var qdot = new double[7];
        while (sim.Outcome == Tasks.ReachOutcome.Running)
        {
            sim.GetJointPositions(q);
            expert.Compute(sim.EpisodeTime, q, sim.Target, qdot);
            sim.CommandVelocity(qdot);
            onControlTick?.Invoke(sim, qdot);
            sim.Step(controlPeriod);
        }

        return EpisodeResult.From(sim);
    }
}
