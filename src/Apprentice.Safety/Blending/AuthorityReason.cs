namespace Apprentice.Safety.Blending;

/// <summary>Why the policy's authority α is below 1 (flags; published in the status).</summary>
[Flags]
public enum AuthorityReason
{
    /// <summary>Full confidence.</summary>
    None = 0,

    /// <summary>The observation is out of the training distribution.</summary>
    OutOfDistribution = 1 << 0,

    /// <summary>Inference was late: target α is 0.</summary>
    InferenceLate = 1 << 1,

    /// <summary>Inference output was invalid: target α is 0 and the policy command is ignored.</summary>
    InferenceInvalid = 1 << 2,

    /// <summary>No inference result: target α is 0.</summary>
    InferenceMissing = 1 << 3,

    /// <summary>Ensemble members disagree.</summary>
    EnsembleDisagreement = 1 << 4,

    /// <summary>α is moving toward its target at the rate limit.</summary>
    RateLimited = 1 << 5,

    /// <summary>The observation held non-finite values.</summary>
    InvalidObservation = 1 << 6,
}
