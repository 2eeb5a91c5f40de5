namespace Apprentice.Safety.Blending;

/// <summary>Out-of-distribution scores of an observation against the policy card's training statistics. Pure; allocation-free.</summary>
public static class OodScore
{
    /// <summary>Smallest standard deviation used (guards constant features).</summary>
    public const double StdFloor = 1e-6;

    /// <summary>
    /// Mean squared z-score: mean over features of ((x − mean)/max(std, floor))². About 1 in distribution; +∞ when a value is
    /// non-finite or the lengths differ.
    /// </summary>
    public static double MeanSquaredZ(ReadOnlySpan<float> observation, ReadOnlySpan<float> mean, ReadOnlySpan<float> std)
    {
        if (observation.Length == 0 || observation.Length != mean.Length || observation.Length != std.Length)
        {
            return double.PositiveInfinity;
        }

        var sum = 0.0;
        for (var i = 0; i < observation.Length; i++)
        {
            var z = (observation[i] - (double)mean[i]) / Math.Max(std[i], StdFloor);
            sum += z * z;
        }

        return double.IsFinite(sum) ? sum / observation.Length : double.PositiveInfinity;
    }

    /// <summary>
    /// Ensemble disagreement: mean over action dimensions of the standard deviation across members, each member a row of
    /// <paramref name="dims"/> values in <paramref name="members"/>. +∞ on non-finite values; 0 with fewer than two members.
    /// </summary>
    public static double EnsembleSpread(ReadOnlySpan<float> members, int dims)
    {
        if (dims <= 0 || members.Length % dims != 0)
        {
            return double.PositiveInfinity;
        }

        var m = members.Length / dims;
        if (m < 2)
        {
            return 0;
        }

        var total = 0.0;
        for (var d = 0; d < dims; d++)
        {
            double sum = 0, sq = 0;
            for (var k = 0; k < m; k++)
            {
                double v = members[(k * dims) + d];
                sum += v;
                sq += v * v;
            }

            var mean = sum / m;
            total += Math.Sqrt(Math.Max(0, (sq / m) - (mean * mean)));
        }

        return double.IsFinite(total) ? total / dims : double.PositiveInfinity;
    }
}
