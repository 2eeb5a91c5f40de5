namespace Apprentice.Safety.Blending;

/// <summary>How the policy's inference went this tick (the lead maps the control loop's outcome onto this).</summary>
public enum InferenceStatus
{
    /// <summary>A valid result within the deadline.</summary>
    Ok,

    /// <summary>The result missed its deadline.</summary>
    Late,

    /// <summary>The result was invalid (NaN, wrong shape, …).</summary>
    Invalid,

    /// <summary>No policy result this tick.</summary>
    Missing,
}
