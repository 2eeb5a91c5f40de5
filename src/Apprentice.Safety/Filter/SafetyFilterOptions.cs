using Apprentice.Safety.Limits;
using Apprentice.Safety.Zones;

namespace Apprentice.Safety.Filter;

/// <summary>
/// Options of <see cref="SafetyFilter"/>. Immutable; validated once by <see cref="Validate"/> (the filter's constructor calls it).
/// Units follow the axes: rad or m for positions, per second for velocities.
/// </summary>
public sealed record SafetyFilterOptions
{
    /// <summary>Limits per commanded axis (joint velocities for arms; [linear x, angular z] for bases). Required.</summary>
    public required IReadOnlyList<JointLimits> Limits { get; init; }

    /// <summary>Distance kept from hard position limits (rad or m). Default 0.01. Must be ≥ 0.</summary>
    public double PositionMargin { get; init; } = 0.01;

    /// <summary>
    /// A command component beyond this multiple of its velocity limit is implausible and rejected (smooth halt) rather than
    /// scaled. Default 10. Must be ≥ 1.
    /// </summary>
    public double CommandPlausibilityFactor { get; init; } = 10;

    /// <summary>A command older than this halts the robot smoothly. Default 100 ms.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A heartbeat older than this halts the robot smoothly; null disables the heartbeat check. Default null.</summary>
    public TimeSpan? HeartbeatTimeout { get; init; }

    /// <summary>Per-input timeouts (joint states, camera, …), in the order of <see cref="SafetyTickInput.InputStamps"/>. Default none.</summary>
    public IReadOnlyList<TimeSpan> InputTimeouts { get; init; } = [];

    /// <summary>A LiDAR scan older than this halts the robot when zones are configured. Default 200 ms.</summary>
    public TimeSpan ScanTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Include the jerk ramp (MaxDeceleration/MaxJerk) in braking distances. Default true.</summary>
    public bool JerkAwareBraking { get; init; } = true;

    /// <summary>Period used when the tick's period is invalid (the tick then halts). Default 10 ms.</summary>
    public TimeSpan NominalPeriod { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>End-effector workspace box (arms; needs kinematics), or null.</summary>
    public WorkspaceBox? Workspace { get; init; }

    /// <summary>Arm link-sphere proximity zones (needs kinematics), or null.</summary>
    public ArmProximityOptions? ArmProximity { get; init; }

    /// <summary>Base footprint zones (bases), or null.</summary>
    public FootprintZonesOptions? Footprint { get; init; }

    /// <summary>Checks every field.</summary>
    /// <exception cref="LimitsConfigException">A field is out of range; the message names it.</exception>
    public void Validate()
    {
        if (Limits is null || Limits.Count == 0)
        {
            throw new LimitsConfigException("SafetyFilterOptions.Limits: at least one axis is required.");
        }

        for (var i = 0; i < Limits.Count; i++)
        {
            var l = Limits[i];
            if (double.IsNaN(l.MaxVelocity) || l.MaxVelocity < 0 || double.IsNaN(l.MaxAcceleration) || l.MaxAcceleration <= 0
                || double.IsNaN(l.MaxDeceleration) || l.MaxDeceleration <= 0 || double.IsNaN(l.MaxJerk) || l.MaxJerk <= 0 || l.MinPosition > l.MaxPosition)
            {
                throw new LimitsConfigException($"SafetyFilterOptions.Limits[{i}]: velocity must be ≥ 0, acceleration, deceleration and jerk > 0 (or +∞), min ≤ max; got {l}.");
            }
        }

        Require(double.IsFinite(PositionMargin) && PositionMargin >= 0, nameof(PositionMargin), "must be finite and ≥ 0");
        Require(CommandPlausibilityFactor >= 1, nameof(CommandPlausibilityFactor), "must be ≥ 1");
        Require(CommandTimeout > TimeSpan.Zero, nameof(CommandTimeout), "must be positive");
        Require(HeartbeatTimeout is null || HeartbeatTimeout > TimeSpan.Zero, nameof(HeartbeatTimeout), "must be positive or null");
        Require(InputTimeouts.All(t => t > TimeSpan.Zero), nameof(InputTimeouts), "must all be positive");
        Require(ScanTimeout > TimeSpan.Zero, nameof(ScanTimeout), "must be positive");
        Require(NominalPeriod > TimeSpan.Zero, nameof(NominalPeriod), "must be positive");
        Workspace?.Validate();
        ArmProximity?.Validate();
        Footprint?.Validate();
    }

    internal static void Require(bool ok, string field, string what)
    {
        if (!ok)
        {
            throw new LimitsConfigException($"safety option {field} {what}.");
        }
    }
}
