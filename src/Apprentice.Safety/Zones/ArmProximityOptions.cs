using Apprentice.Safety.Filter;

namespace Apprentice.Safety.Zones;

/// <summary>
/// Obstacle zones around the arm's link spheres. For each sphere and each point closer than
/// <see cref="SlowdownDistanceM"/> (surface distance), the sphere's speed toward the point is limited to
/// min(MaxApproachSpeed·√((d − stop)/(slowdown − stop)), √(2·a·(d − stop))), and to 0 within <see cref="StopDistanceM"/>.
/// Motion away from points is free. Immutable.
/// </summary>
public sealed record ArmProximityOptions
{
    /// <summary>Surface distance at which approach stops (m). Default 0.05.</summary>
    public double StopDistanceM { get; init; } = 0.05;

    /// <summary>Surface distance where slowing starts (m). Default 0.30.</summary>
    public double SlowdownDistanceM { get; init; } = 0.30;

    /// <summary>Approach speed allowed at the outer edge of the band (m/s). Default 0.25.</summary>
    public double MaxApproachSpeedMPerSec { get; init; } = 0.25;

    /// <summary>Braking deceleration assumed for link spheres (m/s²). Default 1.0.</summary>
    public double ApproachDecelerationMPerSec2 { get; init; } = 1.0;

    internal void Validate()
    {
        SafetyFilterOptions.Require(StopDistanceM >= 0 && SlowdownDistanceM > StopDistanceM && double.IsFinite(SlowdownDistanceM), "ArmProximity.StopDistanceM/SlowdownDistanceM", "need 0 ≤ stop < slowdown < ∞");
        SafetyFilterOptions.Require(MaxApproachSpeedMPerSec > 0, "ArmProximity.MaxApproachSpeedMPerSec", "must be positive");
        SafetyFilterOptions.Require(ApproachDecelerationMPerSec2 > 0, "ArmProximity.ApproachDecelerationMPerSec2", "must be positive");
    }
}
