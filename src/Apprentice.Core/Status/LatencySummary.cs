namespace Apprentice.Core.Status;

/// <summary>Percentiles of one stage's latency over the recorded ticks.</summary>
/// <param name="Count">Ticks recorded.</param>
/// <param name="P50">Median.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Max">Largest value.</param>
public readonly record struct LatencySummary(long Count, TimeSpan P50, TimeSpan P99, TimeSpan Max);
