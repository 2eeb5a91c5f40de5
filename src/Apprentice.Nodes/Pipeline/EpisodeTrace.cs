using Apprentice.Core.Status;
using Apprentice.Nodes.Evaluation;
using Apprentice.Sim.Tasks;

namespace Apprentice.Nodes.Pipeline;

/// <summary>
/// Per-tick bookkeeping of one lockstep episode. Latency is the wall time of the policy node's whole tick (stage
/// latencies read 0 under sim time), and a deadline miss is a tick whose wall time exceeded the budget.
/// </summary>
internal sealed class EpisodeTrace(TimeSpan wallBudget)
{
    private readonly List<double> _latencyMs = [];
    private readonly List<(double, double)> _clearance = [];
    private long _ticks;
    private long _safety;
    private long _misses;
    private long _interventions;
    private double _lastClearance = double.PositiveInfinity;

    public void Tick(TimeSpan wall, PolicyStatusSnapshot? status)
    {
        _ticks++;
        if (status is not { } s)
        {
            return;
        }

        _latencyMs.Add(wall.TotalMilliseconds);
        _misses += wall > wallBudget ? 1 : 0;
        _safety += s.SafetyRuleFlags != 0 ? 1 : 0;
        _interventions += s.Intervention ? 1 : 0;
    }

    /// <summary>Notes the running minimum clearance when it changes (the simulation reports the minimum, not the instantaneous value).</summary>
    public void Clearance(TimeSpan t, double minClearanceM)
    {
        if (double.IsFinite(minClearanceM) && minClearanceM != _lastClearance)
        {
            _lastClearance = minClearanceM;
            _clearance.Add((t.TotalSeconds, minClearanceM));
        }
    }

    public EpisodeOutcome Outcome(string method, int seed, EpisodeResult result, string? perturbation) => new()
    {
        Method = method,
        Seed = seed,
        Success = result.Outcome == ReachOutcome.Succeeded,
        TimeToSuccessSec = result.TimeToSuccess?.TotalSeconds,
        Collisions = result.Collisions,
        MinClearanceM = result.MinClearanceM,
        SafetyActivationTicks = _safety,
        Ticks = _ticks,
        DeadlineMisses = _misses,
        InterventionTicks = _interventions,
        Perturbation = perturbation,
        LatencyMs = _latencyMs,
        Clearance = _clearance,
    };
}
