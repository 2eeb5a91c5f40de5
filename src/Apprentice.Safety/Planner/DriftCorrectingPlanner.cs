namespace Apprentice.Safety.Planner;

/// <summary>What the drift-correcting planner did this tick.</summary>
/// <param name="HasGoal">True when the resolved-rate planner tracked a goal.</param>
/// <param name="HasAnchor">True when a demonstration anchor is configured.</param>
/// <param name="Anchor">The anchor query (default when none is configured).</param>
public readonly record struct PlannerReport(bool HasGoal, bool HasAnchor, AnchorOutcome Anchor);

/// <summary>
/// The planner's command: with a goal, the resolved-rate command blended toward the anchor's correction by the anchor
/// weight ((1 − w)·nominal + w·anchor); without a goal, the anchor's command (follow the nearest demonstration, return to
/// it when off it); with neither, zero. Real-time contract: <see cref="Compute"/> allocates nothing. Not thread-safe.
/// </summary>
public sealed class DriftCorrectingPlanner
{
    private readonly ResolvedRatePlanner? _nominal;
    private readonly AnchorPlanner? _anchor;
    private readonly double[] _nominalBuffer;
    private readonly double[] _anchorBuffer;

    /// <summary>Creates the planner from its optional parts, for <paramref name="dof"/> axes.</summary>
    public DriftCorrectingPlanner(int dof, ResolvedRatePlanner? nominal, AnchorPlanner? anchor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dof);
        if (anchor is not null && anchor.Anchor.Dims != dof)
        {
            throw new ArgumentException($"the demonstration anchor has {anchor.Anchor.Dims} dims but the robot {dof} axes", nameof(anchor));
        }

        (_nominal, _anchor, Dof) = (nominal, anchor, dof);
        (_nominalBuffer, _anchorBuffer) = (new double[dof], new double[dof]);
    }

    /// <summary>Number of axes.</summary>
    public int Dof { get; }

    /// <summary>The resolved-rate part (set goals on it), or null.</summary>
    public ResolvedRatePlanner? Nominal => _nominal;

    /// <summary>Computes the planner command for joint positions <paramref name="q"/>.</summary>
    public PlannerReport Compute(TimeSpan now, ReadOnlySpan<double> q, Span<double> command)
    {
        var hasGoal = _nominal is not null && _nominal.Compute(now, q, _nominalBuffer);
        var outcome = default(AnchorOutcome);
        if (_anchor is not null)
        {
            outcome = _anchor.Compute(q, _anchorBuffer);
        }

        for (var i = 0; i < Dof; i++)
        {
            command[i] = (hasGoal, _anchor is not null) switch
            {
                (true, true) => ((1 - outcome.Weight) * _nominalBuffer[i]) + (outcome.Weight * _anchorBuffer[i]),
                (true, false) => _nominalBuffer[i],
                (false, true) => _anchorBuffer[i],
                _ => 0,
            };
        }

        return new PlannerReport(hasGoal, _anchor is not null, outcome);
    }
}
