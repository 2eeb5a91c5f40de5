using System.Text;

namespace Apprentice.Safety.Filter;

/// <summary>Readable text for <see cref="SafetyStatus"/> flags (for status messages and logs; allocates).</summary>
public static class SafetyStatusText
{
    /// <summary>One sentence for a single flag.</summary>
    public static string Describe(SafetyStatus flag) => flag switch
    {
        SafetyStatus.None => "command passed unchanged",
        SafetyStatus.NonFiniteCommand => "command rejected: it holds NaN or infinity",
        SafetyStatus.CommandOutOfRange => "command rejected: wrong length or implausibly large",
        SafetyStatus.NonFiniteState => "joint state holds NaN or infinity",
        SafetyStatus.StaleCommand => "no fresh command within the command timeout",
        SafetyStatus.StaleInput => "an input is older than its timeout",
        SafetyStatus.HeartbeatLost => "heartbeat lost",
        SafetyStatus.StaleScan => "LiDAR scan is stale",
        SafetyStatus.Halting => "braking smoothly to a stop",
        SafetyStatus.PositionLimit => "slowed to stop before a joint position limit",
        SafetyStatus.SoftLimit => "slowed by a joint soft limit",
        SafetyStatus.VelocityLimit => "scaled to the velocity limits",
        SafetyStatus.AccelerationLimit => "velocity change scaled to the acceleration limits",
        SafetyStatus.JerkLimit => "acceleration change scaled to the jerk limits",
        SafetyStatus.JerkLimitRelaxed => "jerk limit exceeded to honour a hard limit",
        SafetyStatus.WorkspaceLimit => "slowed to stay inside the workspace box",
        SafetyStatus.ObstacleSlowdown => "obstacle in the slowdown band: approach speed scaled",
        SafetyStatus.ObstacleStop => "obstacle within the stop distance: approach stopped",
        SafetyStatus.FootprintStop => "obstacle in the stop polygon: base halting",
        SafetyStatus.FootprintSlowdown => "obstacle in the slowdown polygon: base slowed",
        SafetyStatus.FootprintApproach => "collision predicted: base slowed to keep the time to collision",
        SafetyStatus.SpeedOverride => "speed override reduced the command",
        SafetyStatus.InvalidPeriod => "control period not positive and finite",
        _ => "multiple reasons: " + DescribeAll(flag),
    };

    /// <summary>All set flags, joined with "; ".</summary>
    public static string DescribeAll(SafetyStatus status)
    {
        if (status == SafetyStatus.None)
        {
            return Describe(SafetyStatus.None);
        }

        var sb = new StringBuilder();
        foreach (var flag in Enum.GetValues<SafetyStatus>())
        {
            if (flag != SafetyStatus.None && status.HasFlag(flag))
            {
                sb.Append(sb.Length > 0 ? "; " : string.Empty).Append(Describe(flag));
            }
        }

        return sb.ToString();
    }
}
