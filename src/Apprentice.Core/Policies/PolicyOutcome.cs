namespace Apprentice.Core.Policies;

/// <summary>What one inference (or one tick's attempt at one) produced. Hot-path value; never an exception.</summary>
public enum PolicyOutcome
{
    /// <summary>A valid action arrived within the budget.</summary>
    Ok,

    /// <summary>The inference (or the next action chunk) did not arrive within the budget.</summary>
    BudgetExceeded,

    /// <summary>The model produced NaN, ±inf or a value outside the action limits.</summary>
    InvalidOutput,

    /// <summary>The runtime failed (or threw) while running the model.</summary>
    ModelError,

    /// <summary>An input was missing, stale, unusable, misaligned or could not be preprocessed.</summary>
    InputsStale,
}

/// <summary>Readable text for <see cref="PolicyOutcome"/>.</summary>
public static class PolicyOutcomes
{
    /// <summary>A short sentence for logs and diagnostics (a cached constant, no allocation).</summary>
    public static string Describe(this PolicyOutcome outcome) => outcome switch
    {
        PolicyOutcome.Ok => "policy action within budget",
        PolicyOutcome.BudgetExceeded => "inference missed its latency budget; fallback commanded",
        PolicyOutcome.InvalidOutput => "policy output was NaN, infinite or out of range; fallback commanded",
        PolicyOutcome.ModelError => "model runtime failed; fallback commanded",
        PolicyOutcome.InputsStale => "an input is stale, missing or misaligned; fallback commanded",
        _ => "unknown outcome",
    };
}
