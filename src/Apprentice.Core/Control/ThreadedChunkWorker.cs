using Apprentice.Core.Policies;
using Apprentice.Core.Time;

namespace Apprentice.Core.Control;

/// <summary>
/// An <see cref="IChunkWorker"/> with its own thread. The run's outcome becomes
/// <see cref="PolicyOutcome.BudgetExceeded"/> when it took longer than the budget, and
/// <see cref="PolicyOutcome.ModelError"/> when the policy threw.
/// </summary>
/// <remarks>Allocation-free per inference; dispose to stop the thread.</remarks>
public sealed class ThreadedChunkWorker : IChunkWorker, IDisposable
{
    private readonly IPolicy _policy;
    private readonly TimeProvider _clock;
    private readonly float[] _chunk;
    private readonly SemaphoreSlim _go = new(0);
    private readonly Thread _thread;
    private volatile bool _stopping;
    private int _state;
    private long _startTick;
    private TimeSpan _budget;
    private PolicyOutcome _outcome;

    /// <summary>Creates the worker and starts its thread.</summary>
    public ThreadedChunkWorker(IPolicy policy, TimeProvider clock, string threadName = "apprentice-inference")
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        _policy = policy;
        _clock = clock;
        _chunk = new float[policy.ChunkLength * policy.ActionDimension];
        _thread = new Thread(Run) { IsBackground = true, Name = threadName };
        _thread.Start();
    }

    /// <inheritdoc />
    public ChunkWorkerState State => (ChunkWorkerState)Volatile.Read(ref _state);

    /// <inheritdoc />
    public void Submit(long startTick, TimeSpan budget)
    {
        if (Interlocked.CompareExchange(ref _state, (int)ChunkWorkerState.Running, (int)ChunkWorkerState.Idle) != (int)ChunkWorkerState.Idle)
        {
            throw new InvalidOperationException("the inference worker is busy; submit only when State is Idle.");
        }

        _startTick = startTick;
        _budget = budget;
        _go.Release();
    }

    /// <inheritdoc />
    public bool TryTakeResult(Span<float> chunk, out PolicyOutcome outcome, out long startTick)
    {
        if (Volatile.Read(ref _state) != (int)ChunkWorkerState.Done)
        {
            outcome = default;
            startTick = -1;
            return false;
        }

        _chunk.CopyTo(chunk);
        outcome = _outcome;
        startTick = _startTick;
        Volatile.Write(ref _state, (int)ChunkWorkerState.Idle);
        return true;
    }

    /// <summary>Stops the thread (waits for a running inference to return).</summary>
    public void Dispose()
    {
        _stopping = true;
        _go.Release();
        _thread.Join();
        _go.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            _go.Wait();
            if (_stopping)
            {
                return;
            }

            var start = MonotonicTime.Now(_clock);
            PolicyOutcome outcome;
            try
            {
                outcome = _policy.Infer(_budget, _chunk);
            }
#pragma warning disable CA1031 // The worker is a barrier: a throwing model is an outcome, not a crash.
            catch (Exception)
#pragma warning restore CA1031
            {
                outcome = PolicyOutcome.ModelError;
            }

            if (outcome == PolicyOutcome.Ok && MonotonicTime.Now(_clock) - start > _budget)
            {
                outcome = PolicyOutcome.BudgetExceeded;
            }

            _outcome = outcome;
            Volatile.Write(ref _state, (int)ChunkWorkerState.Done);
        }
    }
}
