using Apprentice.Core.Policies;

namespace Apprentice.Core.Control;

/// <summary>
/// Port: runs chunk inferences off the control thread, one at a time. The loop writes the policy
/// inputs only while the worker is <see cref="ChunkWorkerState.Idle"/>, then submits; the worker
/// runs the policy and holds the chunk until the loop takes it.
/// </summary>
public interface IChunkWorker
{
    /// <summary>Current state (read by the control thread).</summary>
    ChunkWorkerState State { get; }

    /// <summary>Starts an inference for the observation taken at tick <paramref name="startTick"/>. Only when idle.</summary>
    void Submit(long startTick, TimeSpan budget);

    /// <summary>
    /// When a result is ready, copies the chunk into <paramref name="chunk"/>, reports its outcome
    /// and start tick, and returns the worker to idle.
    /// </summary>
    bool TryTakeResult(Span<float> chunk, out PolicyOutcome outcome, out long startTick);
}

/// <summary>State of an <see cref="IChunkWorker"/>.</summary>
public enum ChunkWorkerState
{
    /// <summary>Waiting for a submission; the policy inputs may be written.</summary>
    Idle,

    /// <summary>Running an inference; the policy inputs must not be touched.</summary>
    Running,

    /// <summary>A result waits to be taken.</summary>
    Done,
}
