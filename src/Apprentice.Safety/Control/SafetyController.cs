using Apprentice.Safety.Blending;
using Apprentice.Safety.Filter;
using Apprentice.Safety.Planner;

namespace Apprentice.Safety.Control;

/// <summary>What one controller tick did: the planner, the authority and the filter.</summary>
/// <param name="Planner">The planner's report.</param>
/// <param name="Authority">α and its reasons.</param>
/// <param name="Filter">The safety filter's report (its rule view is valid until the next tick).</param>
public readonly record struct ControllerReport(PlannerReport Planner, AuthorityReport Authority, FilterReport Filter);

/// <summary>
/// One control tick of the safety layer: planner command → α from the confidence signals → blend
/// α·policy + (1 − α)·planner → safety filter. Real-time contract: allocation-free after construction. Not thread-safe.
/// </summary>
public sealed class SafetyController
{
    private readonly DriftCorrectingPlanner _planner;
    private readonly AuthorityBlender _blender;
    private readonly SafetyFilter _filter;
    private readonly double[] _plannerCommand;
    private readonly double[] _blended;

    /// <summary>Creates the controller from its parts (all for the same axes).</summary>
    public SafetyController(DriftCorrectingPlanner planner, AuthorityBlender blender, SafetyFilter filter)
    {
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(blender);
        ArgumentNullException.ThrowIfNull(filter);
        if (planner.Dof != filter.Dof)
        {
            throw new ArgumentException($"planner has {planner.Dof} axes, filter {filter.Dof}", nameof(filter));
        }

        (_planner, _blender, _filter) = (planner, blender, filter);
        (_plannerCommand, _blended) = (new double[planner.Dof], new double[planner.Dof]);
    }

    /// <summary>The planner's command of the last tick.</summary>
    public ReadOnlySpan<double> PlannerCommand => _plannerCommand;

    /// <summary>The blended command of the last tick (before the filter).</summary>
    public ReadOnlySpan<double> BlendedCommand => _blended;

    /// <summary>Runs one tick.</summary>
    /// <param name="period">Control period.</param>
    /// <param name="policyCommand">The policy's velocities (ignored when invalid or α = 0).</param>
    /// <param name="inference">How inference went.</param>
    /// <param name="oodScore">OOD score of the observation (NaN when not computed).</param>
    /// <param name="ensembleSpread">Ensemble disagreement (NaN when none).</param>
    /// <param name="safety">State, stamps, points and override; its Command is replaced by the blended command.</param>
    /// <param name="output">Safe velocities.</param>
    public ControllerReport Tick(
        TimeSpan period,
        ReadOnlySpan<double> policyCommand,
        InferenceStatus inference,
        double oodScore,
        double ensembleSpread,
        in SafetyTickInput safety,
        Span<double> output)
    {
        var plan = _planner.Compute(safety.Now, safety.Position, _plannerCommand);
        var status = inference == InferenceStatus.Ok && policyCommand.Length != _blended.Length ? InferenceStatus.Invalid : inference;
        var authority = _blender.Update(period, status, oodScore, ensembleSpread);
        AuthorityBlender.Blend(authority.Alpha, policyCommand, _plannerCommand, _blended);
        var filter = _filter.Update(safety with { Command = _blended }, period, output);
        return new ControllerReport(plan, authority, filter);
    }
}
