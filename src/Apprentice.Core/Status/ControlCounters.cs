using Apprentice.Core.Policies;

namespace Apprentice.Core.Status;

/// <summary>
/// Counters of the control loop: ticks, missed ticks, deadline misses and outcomes. Written by the
/// control thread with interlocked adds; readable from any thread.
/// </summary>
public sealed class ControlCounters
{
    private readonly long[] _outcomes = new long[Enum.GetValues<PolicyOutcome>().Length];
    private long _ticks;
    private long _missedTicks;
    private long _deadlineMisses;
    private long _fallbackTicks;
    private long _faults;

    /// <summary>Ticks executed.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    /// <summary>Scheduled ticks skipped because the loop fell behind by a whole period or more.</summary>
    public long MissedTicks => Interlocked.Read(ref _missedTicks);

    /// <summary>Ticks whose command was not ready by the inference deadline (outcome <see cref="PolicyOutcome.BudgetExceeded"/>).</summary>
    public long DeadlineMisses => Interlocked.Read(ref _deadlineMisses);

    /// <summary>Ticks that commanded the fallback.</summary>
    public long FallbackTicks => Interlocked.Read(ref _fallbackTicks);

    /// <summary>Exceptions caught by the tick barrier.</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>Ticks that ended with <paramref name="outcome"/>.</summary>
    public long Count(PolicyOutcome outcome) => Interlocked.Read(ref _outcomes[(int)outcome]);

    /// <summary>Deadline misses per executed tick (0 when none ran).</summary>
    public double DeadlineMissRate => Ticks == 0 ? 0 : (double)DeadlineMisses / Ticks;

    internal void OnTick(PolicyOutcome outcome, bool fallback, long missedBefore)
    {
        Interlocked.Increment(ref _ticks);
        Interlocked.Increment(ref _outcomes[(int)outcome]);
        if (outcome == PolicyOutcome.BudgetExceeded)
        {
            Interlocked.Increment(ref _deadlineMisses);
        }

        if (fallback)
        {
            Interlocked.Increment(ref _fallbackTicks);
        }

        if (missedBefore > 0)
        {
            Interlocked.Add(ref _missedTicks, missedBefore);
        }
    }

    internal void OnFault() => Interlocked.Increment(ref _faults);
}
