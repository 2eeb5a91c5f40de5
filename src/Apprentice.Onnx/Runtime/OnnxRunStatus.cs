namespace Apprentice.Onnx.Runtime;

/// <summary>Outcome of one inference (<see cref="OnnxPolicySession.Run"/>); the hot path never throws.</summary>
public enum OnnxRunStatus
{
    /// <summary>The output is fresh and finite.</summary>
    Ok,

    /// <summary>The run overran its budget: it was cancelled through <c>RunOptions.Terminate</c>, or finished late.</summary>
    BudgetExceeded,

    /// <summary>ONNX Runtime reported an error (see <see cref="OnnxPolicySession.LastError"/>).</summary>
    ModelError,

    /// <summary>The run finished but the output holds NaN or infinity.</summary>
    InvalidOutput,
}
