namespace Apprentice.Core.Policies;

/// <summary>
/// Port: a learned policy. The caller writes the model inputs into <see cref="Inputs"/> (through
/// the observation encoders), then calls <see cref="Infer"/>, which runs the model and copies the
/// action chunk into the caller's span.
/// </summary>
/// <remarks>
/// Real-time contract: <see cref="Infer"/> is allocation-free in steady state, never throws
/// (failures are outcomes), and returns no later than about <c>budget</c> after it starts (an ONNX
/// adapter terminates the run through <c>RunOptions</c>). One caller thread at a time.
/// Adapters: <c>Apprentice.Onnx</c> (ONNX Runtime with IOBinding), test fakes.
/// </remarks>
public interface IPolicy
{
    /// <summary>The model's input tensors, preallocated and owned by the policy.</summary>
    IReadOnlyList<PolicyInputBuffer> Inputs { get; }

    /// <summary>Numbers per action step (for example 7 joints).</summary>
    int ActionDimension { get; }

    /// <summary>Action steps per inference (1 for single-step policies; the chunk length for ACT-style policies).</summary>
    int ChunkLength { get; }

    /// <summary>
    /// Runs the model on the current contents of <see cref="Inputs"/> and writes
    /// <see cref="ChunkLength"/> × <see cref="ActionDimension"/> floats (step-major) into
    /// <paramref name="actionChunk"/>.
    /// </summary>
    /// <param name="budget">Time the run may take; past it the adapter cancels and returns <see cref="PolicyOutcome.BudgetExceeded"/>.</param>
    /// <param name="actionChunk">Destination of exactly ChunkLength × ActionDimension floats.</param>
    /// <returns><see cref="PolicyOutcome.Ok"/>, <see cref="PolicyOutcome.BudgetExceeded"/> or <see cref="PolicyOutcome.ModelError"/>; output validation is the caller's.</returns>
    PolicyOutcome Infer(TimeSpan budget, Span<float> actionChunk);
}
