using Apprentice.Core.Status;
using Apprentice.Core.Time;

namespace Apprentice.Core.Control;

/// <summary>
/// Runs a <see cref="ControlLoop"/> on its own thread at a fixed rate: a <see cref="TickScheduler"/>
/// decides when each tick is due (drift-free, skipping and counting ticks when behind) and a timer
/// of the injected <see cref="TimeProvider"/> wakes the thread, so fake time drives it in tests and
/// ROS sim time drives it under <c>use_sim_time</c>.
/// </summary>
/// <remarks>The per-tick path allocates nothing; <paramref name="onTick"/> runs on the loop thread and must be real-time safe.</remarks>
public sealed class ControlLoopRunner : IDisposable
{
    private readonly ControlLoop _loop;
    private readonly TimeProvider _clock;
    private readonly Action<PolicyStatusSnapshot>? _onTick;
    private readonly TickScheduler _scheduler;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ITimer _timer;
    private Thread? _thread;
    private volatile bool _stopping;

    /// <summary>Creates the runner (not started).</summary>
    /// <param name="loop">The loop to tick at its <see cref="ControlLoopOptions.Period"/>.</param>
    /// <param name="clock">Time source.</param>
    /// <param name="onTick">Optional real-time-safe callback with each tick's status (for example the status publisher).</param>
    public ControlLoopRunner(ControlLoop loop, TimeProvider clock, Action<PolicyStatusSnapshot>? onTick = null)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(clock);
        _loop = loop;
        _clock = clock;
        _onTick = onTick;
        _scheduler = new TickScheduler(loop.Options.Period);
        _timer = clock.CreateTimer(static state => ((SemaphoreSlim)state!).Release(), _wake, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Ticks run so far.</summary>
    public long Ticks => _loop.Counters.Ticks;

    /// <summary>Starts the loop thread; tick 0 is due immediately.</summary>
    public void Start()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("the control loop runner is already started.");
        }

        _scheduler.Start(MonotonicTime.Now(_clock));
        _thread = new Thread(Run) { IsBackground = true, Name = "apprentice-control", Priority = ThreadPriority.Highest };
        _thread.Start();
    }

    /// <summary>Stops the thread after the current tick.</summary>
    public void Dispose()
    {
        _stopping = true;
        _wake.Release();
        _thread?.Join();
        _timer.Dispose();
        _wake.Dispose();
    }

    private void Run()
    {
        while (!_stopping)
        {
            var now = MonotonicTime.Now(_clock);
            if (_scheduler.TryBegin(now, out _, out _, out var missed))
            {
                _loop.NoteMissedTicks(missed);
                var status = _loop.Update(now, _scheduler.Period);
                _onTick?.Invoke(status);
                continue;
            }

            _timer.Change(_scheduler.NextDue - now, Timeout.InfiniteTimeSpan);

            // Time may have moved between reading it and arming the timer (the timer then counts
            // from the later time); checking again after arming closes that gap.
            if (MonotonicTime.Now(_clock) >= _scheduler.NextDue)
            {
                continue;
            }

            _wake.Wait();
        }
    }
}
