using Apprentice.Core.Policies;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// An <see cref="IPolicy"/> decorator that keeps a copy of the last action chunk, so the trajectory
/// output can publish the whole chunk. Allocation-free per inference.
/// </summary>
internal sealed class ChunkRecorder : IPolicy
{
    private readonly IPolicy _inner;
    private readonly float[] _chunk;

    public ChunkRecorder(IPolicy inner)
    {
        _inner = inner;
        _chunk = new float[inner.ChunkLength * inner.ActionDimension];
    }

    public IReadOnlyList<PolicyInputBuffer> Inputs => _inner.Inputs;

    public int ActionDimension => _inner.ActionDimension;

    public int ChunkLength => _inner.ChunkLength;

    /// <summary>The last chunk the model produced (step-major), valid when <see cref="HasChunk"/>.</summary>
    public ReadOnlySpan<float> LastChunk => _chunk;

    /// <summary>Whether the last inference succeeded.</summary>
    public bool HasChunk { get; private set; }

    public PolicyOutcome Infer(TimeSpan budget, Span<float> actionChunk)
    {
        var outcome = _inner.Infer(budget, actionChunk);
        HasChunk = outcome == PolicyOutcome.Ok;
        if (HasChunk)
        {
            actionChunk[.._chunk.Length].CopyTo(_chunk);
        }

        return outcome;
    }
}
