namespace Apprentice.Core.Time;

/// <summary>
/// The one time base of the control path: a monotonic <see cref="TimeSpan"/> read from the injected
/// <see cref="TimeProvider"/>'s timestamp. Receive times, ages, deadlines and the loop's
/// <c>now</c> all use it, so wall-clock jumps never make an input look fresh or stale. Sensor
/// header stamps (ROS time) are only compared with each other (time alignment).
/// </summary>
public static class MonotonicTime
{
    /// <summary>Monotonic now of <paramref name="clock"/>. Allocation-free, thread-safe.</summary>
    public static TimeSpan Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetElapsedTime(0, clock.GetTimestamp());
    }

    /// <summary>A ROS <c>builtin_interfaces/Time</c> (sec, nanosec) as a span since the epoch (100 ns resolution).</summary>
    public static TimeSpan FromRos(int sec, uint nanosec) =>
        TimeSpan.FromTicks((sec * TimeSpan.TicksPerSecond) + (nanosec / 100));
}
