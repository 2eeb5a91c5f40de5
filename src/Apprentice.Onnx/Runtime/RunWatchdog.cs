using Microsoft.ML.OnnxRuntime;

namespace Apprentice.Onnx.Runtime;

/// <summary>
/// Cancels an overrunning inference through <see cref="RunOptions.Terminate"/> from a timer.
/// One timer and one <see cref="RunOptions"/> are reused for every run, so arming and disarming
/// allocate nothing. A late tick of an earlier run cannot cancel the next one: the callback
/// terminates only once the current run's own deadline has passed.
/// </summary>
internal sealed class RunWatchdog : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private readonly long _slackTicks;
    private long _deadline;
    private bool _armed;
    private bool _fired;

    public RunWatchdog(TimeProvider time)
    {
        _time = time;
        _slackTicks = time.TimestampFrequency / 500;
        Options = new RunOptions();
        _timer = time.CreateTimer(static s => ((RunWatchdog)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The run options to pass to every run.</summary>
    public RunOptions Options { get; }

    /// <summary>Starts the budget; a non-positive or infinite budget arms nothing.</summary>
    public void Arm(TimeSpan budget)
    {
        if (budget <= TimeSpan.Zero || budget == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        var ticks = (long)(budget.TotalSeconds * _time.TimestampFrequency);
        lock (_gate)
        {
            _deadline = _time.GetTimestamp() + ticks;
            _armed = true;
            _fired = false;
        }

        _timer.Change(budget, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Stops the budget and readies the options for the next run; true when the budget ran out.</summary>
    public bool Disarm()
    {
        bool fired;
        lock (_gate)
        {
            if (!_armed)
            {
                return false;
            }

            _armed = false;
            fired = _fired;
            _fired = false;
            if (fired)
            {
                Options.Terminate = false;
            }
        }

        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return fired;
    }

    public void Dispose()
    {
        _timer.Dispose();
        Options.Dispose();
    }

    private void Fire()
    {
        lock (_gate)
        {
            if (!_armed || _fired)
            {
                return;
            }

            // Timers run on a millisecond tick and may fire up to ~1 ms before the precise
            // deadline; anything earlier than the slack is a stale tick of an earlier run, and
            // this run's own timer is still pending.
            if (_time.GetTimestamp() < _deadline - _slackTicks)
            {
                return;
            }

            _fired = true;
            Options.Terminate = true;
        }
    }
}
