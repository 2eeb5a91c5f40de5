namespace Apprentice.Sim.Nodes;

/// <summary>
/// Simulated time as a <see cref="TimeProvider"/>: <see cref="GetUtcNow"/> is the Unix epoch plus the simulated time
/// elapsed since the node started (monotonic across episode resets, as /clock is), and <see cref="GetTimestamp"/>
/// counts simulated 100 ns ticks. Timers created from it (the base implementation) run on the wall clock: lockstep
/// callers tick their nodes explicitly instead. Thread-safe: written by the stepping thread, read anywhere.
/// </summary>
public sealed class SimClock : TimeProvider
{
    private long _ticks;

    /// <summary>Simulated time since start.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    /// <summary>Simulated time since start [ns] (the /clock value).</summary>
    public long ElapsedNs => Interlocked.Read(ref _ticks) * 100;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch.AddTicks(Interlocked.Read(ref _ticks));

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Advances simulated time (never backwards).</summary>
    internal void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _ticks, by.Ticks);
    }
}
