using Apprentice.Core.Control;
using Apprentice.Core.Policies;

namespace Apprentice.Core.Tests.Support;

/// <summary>
/// A deterministic <see cref="IChunkWorker"/>: runs the policy at submission and makes the result
/// available after <see cref="DelayPolls"/> further <see cref="TryTakeResult"/> calls (one per tick).
/// </summary>
internal sealed class InlineChunkWorker : IChunkWorker
{
    private readonly IPolicy _policy;
    private readonly float[] _chunk;
    private PolicyOutcome _outcome;
    private long _start;
    private int _pollsLeft;

    public InlineChunkWorker(IPolicy policy)
    {
        _policy = policy;
        _chunk = new float[policy.ChunkLength * policy.ActionDimension];
    }

    public int DelayPolls { get; set; }

    public ChunkWorkerState State { get; private set; }

    public int Submissions { get; private set; }

    public void Submit(long startTick, TimeSpan budget)
    {
        if (State != ChunkWorkerState.Idle)
        {
            throw new InvalidOperationException("busy");
        }

        Submissions++;
        _start = startTick;
        _outcome = _policy.Infer(budget, _chunk);
        _pollsLeft = DelayPolls;
        State = ChunkWorkerState.Running;
    }

    public bool TryTakeResult(Span<float> chunk, out PolicyOutcome outcome, out long startTick)
    {
        outcome = default;
        startTick = -1;
        if (State != ChunkWorkerState.Running)
        {
            return false;
        }

        if (_pollsLeft-- > 0)
        {
            return false;
        }

        _chunk.CopyTo(chunk);
        outcome = _outcome;
        startTick = _start;
        State = ChunkWorkerState.Idle;
        return true;
    }
}
