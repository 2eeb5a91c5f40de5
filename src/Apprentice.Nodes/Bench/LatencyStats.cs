namespace Apprentice.Nodes.Bench;

/// <summary>Order statistics of a set of latencies.</summary>
/// <param name="P50">Median.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Max">Largest.</param>
public readonly record struct LatencyStats(TimeSpan P50, TimeSpan P99, TimeSpan Max)
{
    /// <summary>Computes the statistics of <paramref name="samples"/> (sorted in place).</summary>
    public static LatencyStats From(Span<TimeSpan> samples)
    {
        if (samples.IsEmpty)
        {
            return default;
        }

        samples.Sort();
        return new LatencyStats(At(samples, 0.50), At(samples, 0.99), samples[^1]);
    }

    private static TimeSpan At(ReadOnlySpan<TimeSpan> sorted, double q) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
