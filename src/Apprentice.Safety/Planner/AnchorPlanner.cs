namespace Apprentice.Safety.Planner;

/// <summary>The result of one anchor query.</summary>
/// <param name="Distance">Normalised distance to the nearest demonstrated state.</param>
/// <param name="Weight">Correction weight in [0, 1] (0 inside the demonstrated region).</param>
/// <param name="NearestIndex">Index of the nearest demonstrated point.</param>
/// <param name="Trajectory">Its trajectory id.</param>
public readonly record struct AnchorOutcome(double Distance, double Weight, int NearestIndex, int Trajectory)
{
    /// <summary>True when the state lies outside the demonstrated region (the correction is active).</summary>
    public bool OutsideRegion => Weight > 0;
}

/// <summary>
/// The drift correction: finds the nearest demonstrated state and commands a velocity toward a point a little ahead on
/// that demonstration, weighted by how far the robot has left the demonstrated region. Real-time contract:
/// <see cref="Compute"/> allocates nothing. Thread-safe (no mutable state).
/// </summary>
public sealed class AnchorPlanner
{
    private readonly DemonstrationAnchor _anchor;
    private readonly AnchorOptions _options;

    /// <summary>Creates the planner.</summary>
    public AnchorPlanner(DemonstrationAnchor anchor, AnchorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        _anchor = anchor;
        _options = options ?? AnchorOptions.Default;
        _options.Validate();
    }

    /// <summary>The model of the demonstrations.</summary>
    public DemonstrationAnchor Anchor => _anchor;

    /// <summary>Computes the correcting velocity for <paramref name="state"/> into <paramref name="command"/>.</summary>
    public AnchorOutcome Compute(ReadOnlySpan<double> state, Span<double> command)
    {
        var (index, distance) = _anchor.Nearest(state);
        var target = _anchor.Point(_anchor.Ahead(index, _options.LookAheadPoints));
        var scale = 1.0;
        for (var d = 0; d < state.Length; d++)
        {
            command[d] = _options.GainPerSec * (target[d] - state[d]);
            var speed = Math.Abs(command[d]);
            if (speed > _options.MaxSpeed)
            {
                scale = Math.Min(scale, _options.MaxSpeed / speed);
            }
        }

        for (var d = 0; d < state.Length; d++)
        {
            command[d] *= scale;
        }

        var inner = _anchor.RegionRadius * _options.InnerFactor;
        var outer = _anchor.RegionRadius * _options.OuterFactor;
        var x = Math.Clamp((distance - inner) / (outer - inner), 0, 1);
        return new AnchorOutcome(distance, x * x * (3 - (2 * x)), index, _anchor.TrajectoryOf(index));
    }
}
