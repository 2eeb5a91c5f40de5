using Apprentice.Safety.Limits;

namespace Apprentice.Safety.Planner;

/// <summary>Options of <see cref="AnchorPlanner"/>. Immutable.</summary>
public sealed record AnchorOptions
{
    /// <summary>Defaults.</summary>
    public static AnchorOptions Default { get; } = new();

    /// <summary>Gain pulling the state toward the look-ahead point (1/s). Default 2.</summary>
    public double GainPerSec { get; init; } = 2;

    /// <summary>Points ahead of the nearest one along its trajectory used as the attractor (follows the demonstration). Default 3.</summary>
    public int LookAheadPoints { get; init; } = 3;

    /// <summary>
    /// Correction weight ramps from 0 at RegionRadius·InnerFactor to 1 at RegionRadius·OuterFactor (smoothstep), so inside
    /// the demonstrated region the anchor leaves the command alone. Defaults 1 and 2.
    /// </summary>
    public double InnerFactor { get; init; } = 1;

    /// <summary>See <see cref="InnerFactor"/>.</summary>
    public double OuterFactor { get; init; } = 2;

    /// <summary>Cap on each commanded joint speed (rad/s or m/s). Default 0.5.</summary>
    public double MaxSpeed { get; init; } = 0.5;

    /// <summary>Checks every field.</summary>
    /// <exception cref="LimitsConfigException">A field is out of range.</exception>
    public void Validate()
    {
        if (!(GainPerSec >= 0 && LookAheadPoints >= 0 && InnerFactor >= 0 && OuterFactor > InnerFactor && MaxSpeed > 0) || !double.IsFinite(GainPerSec + OuterFactor))
        {
            throw new LimitsConfigException($"AnchorOptions: need gain ≥ 0, look-ahead ≥ 0, 0 ≤ inner < outer, max speed > 0; got {this}.");
        }
    }
}
