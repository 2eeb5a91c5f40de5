using Apprentice.Learning.Dataset;
using Apprentice.Safety.Planner;

namespace Apprentice.Learning.Export;

/// <summary>Options of the demonstration anchor built from a dataset.</summary>
public sealed record AnchorExportOptions
{
    /// <summary>Defaults.</summary>
    public static AnchorExportOptions Default { get; } = new();

    /// <summary>Keep every n-th sample of each episode as a point. Default 2.</summary>
    public int Stride { get; init; } = 2;

    /// <summary>Radius of the demonstrated region [normalised units]; null estimates it from the data. Default null.</summary>
    public double? RegionRadius { get; init; }

    /// <summary>Smallest estimated radius [normalised units]. Default 0.1.</summary>
    public double MinRegionRadius { get; init; } = 0.1;
}

/// <summary>
/// The safety planner's demonstration anchor (joint-position trajectories) from a dataset's
/// episodes, and its <c>.apda</c> file. The estimated region radius is the 95th percentile, over
/// points, of the normalised distance to the nearest point of another trajectory: how far apart
/// neighbouring demonstrations lie.
/// </summary>
public static class AnchorExport
{
    /// <summary>Builds the anchor.</summary>
    /// <exception cref="ArgumentException">Bad options or no joint positions in the layout.</exception>
    public static DemonstrationAnchor Build(DemonstrationDataset dataset, AnchorExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= AnchorExportOptions.Default;
        if (options.Stride <= 0)
        {
            throw new ArgumentException("stride must be positive", nameof(options));
        }

        var slice = dataset.Layout.Inputs.FirstOrDefault(s => s.Name == "joint_pos") ?? throw new ArgumentException("the dataset has no joint_pos input");
        var d = slice.Length;
        var points = new List<float>();
        var ids = new List<int>();
        for (var e = 0; e < dataset.Episodes.Count; e++)
        {
            var ep = dataset.Episodes[e];
            for (var i = 0; i < ep.Count; i += options.Stride)
            {
                points.AddRange(ep.Observation(i).Slice(slice.Offset, d).ToArray());
                ids.Add(e);
            }
        }

        var mean = dataset.Statistics.ObservationMean.AsSpan(slice.Offset, d).ToArray().Select(v => (double)v).ToArray();
        var std = dataset.Statistics.ObservationStd.AsSpan(slice.Offset, d).ToArray().Select(v => (double)v).ToArray();
        var radius = options.RegionRadius ?? Math.Max(options.MinRegionRadius, Estimate([.. points], [.. ids], mean, std));
        return new DemonstrationAnchor(d, mean, std, radius, [.. points], [.. ids]);
    }

    /// <summary>The <c>.apda</c> bytes.</summary>
    public static byte[] ToBytes(DemonstrationDataset dataset, AnchorExportOptions? options = null) =>
        DemonstrationAnchorFile.Write(Build(dataset, options));

    private static double Estimate(float[] points, int[] ids, double[] mean, double[] std)
    {
        var d = mean.Length;
        var n = ids.Length;
        var step = Math.Max(1, n / 2000);
        var nearest = new List<double>();
        for (var q = 0; q < n; q += step)
        {
            var best = double.PositiveInfinity;
            for (var p = 0; p < n; p++)
            {
                if (ids[p] == ids[q])
                {
                    continue;
                }

                double sum = 0;
                for (var k = 0; k < d; k++)
                {
                    var z = (points[(p * d) + k] - points[(q * d) + k]) / std[k];
                    sum += z * z;
                }

                best = Math.Min(best, sum);
            }

            if (double.IsFinite(best))
            {
                nearest.Add(Math.Sqrt(best));
            }
        }

        if (nearest.Count == 0)
        {
            return 0;
        }

        nearest.Sort();
        return nearest[(int)Math.Floor(0.95 * (nearest.Count - 1))];
    }
}
