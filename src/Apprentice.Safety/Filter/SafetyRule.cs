namespace Apprentice.Safety.Filter;

/// <summary>The rules of the safety filter, in evaluation order; indexes <see cref="FilterReport.Actions"/>.</summary>
public enum SafetyRule
{
    /// <summary>Command finite, of the right length and plausible.</summary>
    CommandValidity,

    /// <summary>Command, inputs, heartbeat and scan fresh.</summary>
    Freshness,

    /// <summary>Speed override (can only reduce).</summary>
    SpeedOverride,

    /// <summary>Velocity limits (whole-vector scaling).</summary>
    Velocity,

    /// <summary>Position limits with margin and braking distance, soft limits.</summary>
    Position,

    /// <summary>End-effector workspace box.</summary>
    Workspace,

    /// <summary>Arm link spheres versus LiDAR points.</summary>
    ArmProximity,

    /// <summary>Base footprint polygons versus LiDAR points.</summary>
    Footprint,

    /// <summary>Acceleration and deceleration limits (scaling of the velocity change).</summary>
    Acceleration,

    /// <summary>Jerk limits (scaling of the acceleration change).</summary>
    Jerk,
}
