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
        return FromTimestamp(clock.GetTimestamp(), clock.TimestampFrequency);
    }

    /// <summary>
    /// Converts a timestamp of <paramref name="frequency"/> ticks per second exactly (integer
    /// arithmetic: no double rounding for large timestamps, no overflow).
    /// </summary>
    public static TimeSpan FromTimestamp(long timestamp, long frequency)
    {
        if (frequency == TimeSpan.TicksPerSecond)
        {
            return TimeSpan.FromTicks(timestamp);
        }

        var seconds = timestamp / frequency;
        var rest = timestamp % frequency;
        return TimeSpan.FromTicks((seconds * TimeSpan.TicksPerSecond) + (rest * TimeSpan.TicksPerSecond / frequency));
    }

    /// <summary>A ROS <c>builtin_interfaces/Time</c> (sec, nanosec) as a span since the epoch (100 ns resolution).</summary>
    public static TimeSpan FromRos(int sec, uint nanosec) =>
        TimeSpan.FromTicks((sec * TimeSpan.TicksPerSecond) + (nanosec / 100));
}
