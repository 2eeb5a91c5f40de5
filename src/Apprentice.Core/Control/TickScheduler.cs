namespace Apprentice.Core.Control;

/// <summary>
/// Drift-free fixed-rate schedule: tick k is due at <c>start + k · period</c>, independent of how
/// late earlier ticks ran. When the loop falls a whole period or more behind, the late ticks are
/// skipped (and counted) instead of being run in a burst.
/// </summary>
/// <remarks>Pure arithmetic on monotonic times; allocation-free; one thread.</remarks>
public sealed class TickScheduler
{
    private TimeSpan _start;
    private long _next;

    /// <summary>Creates a schedule with a positive <paramref name="period"/>.</summary>
    public TickScheduler(TimeSpan period)
    {
        if (period <= TimeSpan.Zero)
        {
            throw new ConfigurationException("control.period", "must be positive (got " + period + ").");
        }

        Period = period;
    }

    /// <summary>The period.</summary>
    public TimeSpan Period { get; }

    /// <summary>Whether <see cref="Start"/> was called.</summary>
    public bool IsStarted { get; private set; }

    /// <summary>Index of the next tick to run.</summary>
    public long NextIndex => _next;

    /// <summary>Scheduled time of the next tick.</summary>
    public TimeSpan NextDue => _start + TimeSpan.FromTicks(Period.Ticks * _next);

    /// <summary>Total ticks skipped because the loop fell behind.</summary>
    public long MissedTotal { get; private set; }

    /// <summary>Anchors tick 0 at <paramref name="start"/>.</summary>
    public void Start(TimeSpan start)
    {
        _start = start;
        _next = 0;
        MissedTotal = 0;
        IsStarted = true;
    }

    /// <summary>
    /// When a tick is due at <paramref name="now"/>, returns true with its index, scheduled time and
    /// the number of ticks skipped just before it, and advances the schedule.
    /// </summary>
    public bool TryBegin(TimeSpan now, out long index, out TimeSpan scheduled, out long missed)
    {
        missed = 0;
        if (!IsStarted || now < NextDue)
        {
            index = -1;
            scheduled = default;
            return false;
        }

        var latest = (now - _start).Ticks / Period.Ticks;
        if (latest > _next)
        {
            missed = latest - _next;
            MissedTotal += missed;
            _next = latest;
        }

        index = _next;
        scheduled = NextDue;
        _next++;
        return true;
    }
}
