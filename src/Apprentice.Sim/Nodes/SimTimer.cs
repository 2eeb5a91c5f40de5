namespace Apprentice.Sim.Nodes;

/// <summary>A timer on <see cref="SimClock"/> time; fired by the clock as simulated time passes its due time.</summary>
internal sealed class SimTimer(SimClock clock, TimerCallback callback, object? state) : ITimer
{
    private readonly Lock _gate = new();
    private long _due = long.MaxValue;
    private long _period;
    private bool _disposed;

    /// <summary>Simulated tick at which it fires next (<see cref="long.MaxValue"/> when disarmed).</summary>
    public long DueTicks
    {
        get
        {
            lock (_gate)
            {
                return _due;
            }
        }
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            _due = dueTime == Timeout.InfiniteTimeSpan ? long.MaxValue : clock.GetTimestamp() + Math.Max(0, dueTime.Ticks);
            _period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks;
            return true;
        }
    }

    /// <summary>Fires once if due at <paramref name="now"/>; reschedules a periodic timer. False when nothing was due.</summary>
    public bool TryFire(long now)
    {
        lock (_gate)
        {
            if (_disposed || _due > now)
            {
                return false;
            }

            _due = _period > 0 ? _due + _period : long.MaxValue;
        }

        callback(state);
        return true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _due = long.MaxValue;
        }

        clock.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
