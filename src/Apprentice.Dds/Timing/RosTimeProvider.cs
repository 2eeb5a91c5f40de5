using Apprentice.Ros.Msgs.BuiltinInterfaces;

namespace Apprentice.Dds.Timing;

/// <summary>
/// ROS time: the wrapped clock's time until <c>use_sim_time</c> is on, then the last <c>/clock</c>
/// message (the Unix epoch until the first one arrives, as rclcpp's ROS time reads zero).
/// Monotonic timestamps (<see cref="GetTimestamp"/>, timers) stay on the wrapped clock.
/// </summary>
/// <remarks>Thread-safe: <see cref="SetClock"/> is called from a receive thread, reads from anywhere.</remarks>
public sealed class RosTimeProvider(TimeProvider wall) : TimeProvider
{
    private readonly TimeProvider _wall = wall ?? throw new ArgumentNullException(nameof(wall));
    private long _simNs;
    private volatile bool _useSimTime;

    /// <summary>Whether time comes from <c>/clock</c>.</summary>
    public bool UseSimTime => _useSimTime;

    /// <inheritdoc />
    public override long TimestampFrequency => _wall.TimestampFrequency;

    /// <summary>Switches between wall time and simulated time (the <c>use_sim_time</c> parameter).</summary>
    public void SetUseSimTime(bool enabled) => _useSimTime = enabled;

    /// <summary>Records the latest <c>/clock</c> time.</summary>
    public void SetClock(Time clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Interlocked.Exchange(ref _simNs, (clock.Sec * 1_000_000_000L) + clock.Nanosec);
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() =>
        _useSimTime ? DateTimeOffset.UnixEpoch.AddTicks(Interlocked.Read(ref _simNs) / 100) : _wall.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => _wall.GetTimestamp();

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _wall.LocalTimeZone;
}
