namespace Apprentice.Safety.Filter;

/// <summary>What the safety filter did this tick and why; several flags may be set. Readable text: <see cref="SafetyStatusText"/>.</summary>
[Flags]
public enum SafetyStatus : long
{
    /// <summary>The command passed unchanged.</summary>
    None = 0,

    /// <summary>The command held NaN or infinity: rejected, the robot halts smoothly.</summary>
    NonFiniteCommand = 1L << 0,

    /// <summary>The command had the wrong length or exceeded the plausibility bound: rejected, the robot halts smoothly.</summary>
    CommandOutOfRange = 1L << 1,

    /// <summary>The joint state held NaN or infinity: the robot halts smoothly.</summary>
    NonFiniteState = 1L << 2,

    /// <summary>No fresh command within the command timeout: smooth halt.</summary>
    StaleCommand = 1L << 3,

    /// <summary>An input (joint states, camera, …) is older than its timeout: smooth halt.</summary>
    StaleInput = 1L << 4,

    /// <summary>The heartbeat was lost: smooth halt.</summary>
    HeartbeatLost = 1L << 5,

    /// <summary>The LiDAR scan is stale while zones are configured: smooth halt (as Nav2's collision monitor).</summary>
    StaleScan = 1L << 6,

    /// <summary>The robot is braking to zero (any halting cause).</summary>
    Halting = 1L << 7,

    /// <summary>A joint velocity was limited so the joint can stop before its position limit (braking distance, margin).</summary>
    PositionLimit = 1L << 8,

    /// <summary>A joint velocity was limited by its soft limit (k_position).</summary>
    SoftLimit = 1L << 9,

    /// <summary>The command vector was scaled to respect velocity limits.</summary>
    VelocityLimit = 1L << 10,

    /// <summary>The velocity change was scaled to respect acceleration/deceleration limits.</summary>
    AccelerationLimit = 1L << 11,

    /// <summary>The acceleration change was scaled to respect jerk limits.</summary>
    JerkLimit = 1L << 12,

    /// <summary>A hard limit (position braking, velocity, deceleration, stop) needed more than the jerk limit allows; jerk was exceeded.</summary>
    JerkLimitRelaxed = 1L << 13,

    /// <summary>The end effector was slowed to stay inside the workspace box.</summary>
    WorkspaceLimit = 1L << 14,

    /// <summary>A link is inside the obstacle slowdown band: approach speed scaled.</summary>
    ObstacleSlowdown = 1L << 15,

    /// <summary>A link is inside the obstacle stop distance: motion toward the obstacle stopped.</summary>
    ObstacleStop = 1L << 16,

    /// <summary>Points inside the base stop polygon: the base halts.</summary>
    FootprintStop = 1L << 17,

    /// <summary>Points inside the base slowdown polygon: speed scaled by the slowdown ratio.</summary>
    FootprintSlowdown = 1L << 18,

    /// <summary>Collision predicted within the approach time: speed scaled to keep the time to collision.</summary>
    FootprintApproach = 1L << 19,

    /// <summary>The speed-scaling override reduced the command.</summary>
    SpeedOverride = 1L << 20,

    /// <summary>The period was not positive and finite: smooth halt with a nominal period.</summary>
    InvalidPeriod = 1L << 21,
}
