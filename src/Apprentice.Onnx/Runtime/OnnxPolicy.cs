using Apprentice.Core.Policies;

namespace Apprentice.Onnx.Runtime;

/// <summary>
/// The control loop's <see cref="IPolicy"/> port over an <see cref="OnnxPolicySession"/>: encoders
/// write into the session's pinned IOBinding buffers, and <see cref="Infer"/> runs the model and
/// copies the action chunk out.
/// </summary>
/// <remarks>Real-time contract: <see cref="Infer"/> allocates nothing and never throws. One caller thread.</remarks>
public sealed class OnnxPolicy : IPolicy
{
    private readonly OnnxPolicySession _session;

    /// <summary>Wraps a loaded session; the session stays owned by the caller.</summary>
    public OnnxPolicy(OnnxPolicySession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
        Inputs = [.. session.InputNames.Select(n => new PolicyInputBuffer(n, session.InputShape(n), session.InputMemory(n)))];
        ActionDimension = session.Card.Action.JointNames.Count;
        ChunkLength = Math.Max(1, session.Card.ChunkLength);
        if (session.Output.Length != ActionDimension * ChunkLength)
        {
            throw new OnnxPolicyLoadException(
                $"Policy '{session.ModelPath}': output '{session.Card.Action.OutputName}' has {session.Output.Length} values " +
                $"but the card describes chunk_length {ChunkLength} × {ActionDimension} joints.");
        }
    }

    /// <summary>The session this policy runs (provider, card, last error).</summary>
    public OnnxPolicySession Session => _session;

    /// <inheritdoc />
    public IReadOnlyList<PolicyInputBuffer> Inputs { get; }

    /// <inheritdoc />
    public int ActionDimension { get; }

    /// <inheritdoc />
    public int ChunkLength { get; }

    /// <inheritdoc />
    public PolicyOutcome Infer(TimeSpan budget, Span<float> actionChunk)
    {
        var status = _session.Run(budget);
        switch (status)
        {
            case OnnxRunStatus.Ok:
                _session.Output.CopyTo(actionChunk);
                return PolicyOutcome.Ok;
            case OnnxRunStatus.BudgetExceeded:
                return PolicyOutcome.BudgetExceeded;
            case OnnxRunStatus.InvalidOutput:
                return PolicyOutcome.InvalidOutput;
            default:
                return PolicyOutcome.ModelError;
        }
    }
}
