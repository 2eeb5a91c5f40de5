namespace Apprentice.Learning.Dataset;

/// <summary>
/// Per-feature mean and standard deviation of observations and actions. <c>Std</c> values are
/// floored (safe to divide by); <c>RawStd</c> are the unfloored values (for the card's
/// out-of-distribution statistics). Normalisation is <c>(x − mean) · (1/std)</c> in float, exactly
/// as the node's encoders do it.
/// </summary>
public sealed record NormalizationStats
{
    /// <summary>Observation mean per feature.</summary>
    public required float[] ObservationMean { get; init; }

    /// <summary>Observation std per feature (floored).</summary>
    public required float[] ObservationStd { get; init; }

    /// <summary>Observation std per feature before the floor.</summary>
    public required float[] ObservationRawStd { get; init; }

    /// <summary>Action mean per value.</summary>
    public required float[] ActionMean { get; init; }

    /// <summary>Action std per value (floored).</summary>
    public required float[] ActionStd { get; init; }

    /// <summary>Samples the statistics come from.</summary>
    public required long Count { get; init; }

    /// <summary>Computes the statistics over <paramref name="episodes"/> (double accumulation in a fixed order: deterministic).</summary>
    /// <exception cref="ArgumentException">No samples.</exception>
    public static NormalizationStats Compute(IReadOnlyList<EpisodeSamples> episodes, float stdFloor)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        if (episodes.Count == 0 || episodes.Sum(e => (long)e.Count) == 0)
        {
            throw new ArgumentException("no samples to compute normalisation statistics from", nameof(episodes));
        }

        var (om, os) = Moments(episodes, e => e.Observations, episodes[0].FeatureCount);
        var (am, asd) = Moments(episodes, e => e.Actions, episodes[0].ActionCount);
        return new NormalizationStats
        {
            ObservationMean = om,
            ObservationRawStd = os,
            ObservationStd = [.. os.Select(s => MathF.Max(s, stdFloor))],
            ActionMean = am,
            ActionStd = [.. asd.Select(s => MathF.Max(s, stdFloor))],
            Count = episodes.Sum(e => (long)e.Count),
        };
    }

    /// <summary>Writes <c>(x − mean) · (1/std)</c> of <paramref name="values"/> rows into <paramref name="target"/>.</summary>
    public static void Normalize(ReadOnlySpan<float> values, ReadOnlySpan<float> mean, ReadOnlySpan<float> std, Span<float> target)
    {
        var n = mean.Length;
        for (var i = 0; i < values.Length; i++)
        {
            var k = i % n;
            target[i] = (values[i] - mean[k]) * (1f / std[k]);
        }
    }

    private static (float[] Mean, float[] Std) Moments(IReadOnlyList<EpisodeSamples> episodes, Func<EpisodeSamples, float[]> rows, int width)
    {
        var sum = new double[width];
        var sq = new double[width];
        long n = 0;
        foreach (var e in episodes)
        {
            var data = rows(e);
            for (var i = 0; i < data.Length; i++)
            {
                sum[i % width] += data[i];
            }

            n += e.Count;
        }

        var mean = sum.Select(s => s / n).ToArray();
        foreach (var e in episodes)
        {
            var data = rows(e);
            for (var i = 0; i < data.Length; i++)
            {
                var d = data[i] - mean[i % width];
                sq[i % width] += d * d;
            }
        }

        return ([.. mean.Select(m => (float)m)], [.. sq.Select(s => (float)Math.Sqrt(s / n))]);
    }
}
