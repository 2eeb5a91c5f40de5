using Apprentice.Safety.Filter;
using SafetyEvent = Apprentice.Ros.Msgs.Apprentice.SafetyEvent;

namespace Apprentice.Nodes.Policy;

/// <summary>The safety filter's flags as the <c>apprentice/msg/SafetyEvent</c> code mask of <c>PolicyStatus.safety_rules_acting</c>.</summary>
public static class SafetyEventCodes
{
    /// <summary>Maps <paramref name="status"/> to the OR of the matching SafetyEvent codes (allocation-free).</summary>
    public static uint From(SafetyStatus status)
    {
        uint m = 0;
        m |= Any(status, SafetyStatus.NonFiniteCommand | SafetyStatus.CommandOutOfRange | SafetyStatus.NonFiniteState | SafetyStatus.InvalidPeriod) ? SafetyEvent.CODE_NON_FINITE_COMMAND : 0u;
        m |= Any(status, SafetyStatus.StaleInput | SafetyStatus.StaleScan) ? SafetyEvent.CODE_STALE_INPUT : 0u;
        m |= Any(status, SafetyStatus.StaleCommand) ? SafetyEvent.CODE_STALE_COMMAND : 0u;
        m |= Any(status, SafetyStatus.HeartbeatLost) ? SafetyEvent.CODE_HEARTBEAT_LOST : 0u;
        m |= Any(status, SafetyStatus.PositionLimit | SafetyStatus.SoftLimit) ? SafetyEvent.CODE_POSITION_LIMIT : 0u;
        m |= Any(status, SafetyStatus.VelocityLimit) ? SafetyEvent.CODE_VELOCITY_LIMIT : 0u;
        m |= Any(status, SafetyStatus.AccelerationLimit) ? SafetyEvent.CODE_ACCELERATION_LIMIT : 0u;
        m |= Any(status, SafetyStatus.JerkLimit | SafetyStatus.JerkLimitRelaxed) ? SafetyEvent.CODE_JERK_LIMIT : 0u;
        m |= Any(status, SafetyStatus.WorkspaceLimit) ? SafetyEvent.CODE_WORKSPACE : 0u;
        m |= Any(status, SafetyStatus.ObstacleSlowdown | SafetyStatus.FootprintSlowdown) ? SafetyEvent.CODE_OBSTACLE_SLOWDOWN : 0u;
        m |= Any(status, SafetyStatus.ObstacleStop | SafetyStatus.FootprintStop) ? SafetyEvent.CODE_OBSTACLE_STOP : 0u;
        m |= Any(status, SafetyStatus.SpeedOverride) ? SafetyEvent.CODE_SPEED_OVERRIDE : 0u;
        m |= Any(status, SafetyStatus.FootprintApproach) ? SafetyEvent.CODE_APPROACH : 0u;
        return m;
    }

    private static bool Any(SafetyStatus status, SafetyStatus flags) => (status & flags) != 0;
}
