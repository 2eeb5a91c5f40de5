namespace Apprentice.Core.Policies.Card;

/// <summary>
/// Training-set statistics of one input (before normalisation), per feature, used to score how
/// far a live observation is from what the policy saw (out-of-distribution score).
/// </summary>
public sealed record FeatureStatistics
{
    /// <summary>The input these statistics describe (a <see cref="PolicyInputSpec.Name"/>).</summary>
    public required string Input { get; init; }

    /// <summary>Per-feature mean over the training set.</summary>
    public required IReadOnlyList<float> Mean { get; init; }

    /// <summary>Per-feature standard deviation over the training set (each ≥ 0, same length as <see cref="Mean"/>).</summary>
    public required IReadOnlyList<float> Std { get; init; }

    /// <summary>Number of training samples the statistics were computed from (&gt; 0).</summary>
    public required long Count { get; init; }
}
