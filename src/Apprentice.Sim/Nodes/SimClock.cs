namespace Apprentice.Sim.Nodes;

/// <summary>
/// Simulated time as a <see cref="TimeProvider"/>: <see cref="GetUtcNow"/> is the Unix epoch plus the simulated time
/// elapsed since the node started (monotonic across episode resets, as /clock is), and <see cref="GetTimestamp"/>
/// counts simulated 100 ns ticks. Timers created from it run on simulated time: they fire on the stepping thread,
/// inside <see cref="Advance"/>, in due order — so nodes on this clock stay deterministic in lockstep.
/// Thread-safe: written by the stepping thread, read anywhere.
/// </summary>
public sealed class SimClock : TimeProvider
{
    private readonly List<SimTimer> _timers = [];
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
    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SimTimer(this, callback, state);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    internal void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        var now = Interlocked.Add(ref _ticks, by.Ticks);
        FireDue(now);
    }

    internal void Remove(SimTimer timer)
    {
        lock (_timers)
        {
            _timers.Remove(timer);
        }
    }

    // Earliest due first, one firing at a time, so a callback that changes another timer is seen at once.
    private void FireDue(long now)
    {
        while (true)
        {
            SimTimer? next = null;
            lock (_timers)
            {
                foreach (var t in _timers)
                {
                    if (t.DueTicks <= now && (next is null || t.DueTicks < next.DueTicks))
                    {
                        next = t;
                    }
                }
            }

            if (next is null || !next.TryFire(now))
            {
                return;
            }
        }
    }
}
