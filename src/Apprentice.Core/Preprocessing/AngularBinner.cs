using Apprentice.Core.Observations;

namespace Apprentice.Core.Preprocessing;

/// <summary>
/// Min-pools LiDAR returns into fixed angular bins (see <see cref="AngularBinOptions"/>), from a
/// <c>LaserScan</c> or from the x/y of a point cloud. Allocation-free; stateless between calls.
/// </summary>
/// <remarks>
/// LaserScan readings follow REP-117: NaN is an invalid reading and is ignored; +inf means no
/// return within range (reads as max range); −inf means an object too close to measure (reads as
/// min range); finite readings outside the scan's own [range_min, range_max] are invalid and ignored.
/// </remarks>
public sealed class AngularBinner
{
    private const float TwoPi = 2 * MathF.PI;
    private readonly AngularBinOptions _options;
    private readonly float _binsPerRad;

    /// <summary>Validates the options.</summary>
    public AngularBinner(AngularBinOptions options, string field = "lidar")
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(field);
        _options = options;
        _binsPerRad = options.BinCount / (options.AngleMaxRad - options.AngleMinRad);
    }

    /// <summary>The options.</summary>
    public AngularBinOptions Options => _options;

    /// <summary>Bins a scan into <paramref name="bins"/> (length <see cref="AngularBinOptions.BinCount"/>).</summary>
    public PreprocessStatus Bin(LaserScanSample scan, Span<float> bins)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (bins.Length != _options.BinCount)
        {
            return PreprocessStatus.WrongOutputLength;
        }

        bins.Fill(float.PositiveInfinity);
        var ranges = scan.Ranges;
        for (var i = 0; i < ranges.Length; i++)
        {
            var r = ranges[i];
            if (float.IsNaN(r))
            {
                continue;
            }

            if (float.IsNegativeInfinity(r))
            {
                r = _options.RangeMinM;
            }
            else if (float.IsFinite(r) && (r < scan.RangeMinM || r > scan.RangeMaxM))
            {
                continue;
            }

            Add(bins, scan.AngleMinRad + (i * scan.AngleIncrementRad), r);
        }

        Finish(bins);
        return PreprocessStatus.Ok;
    }

    /// <summary>Bins the x/y of interleaved x, y, z points; NaN/inf points and points outside the z band are ignored.</summary>
    public PreprocessStatus Bin(ReadOnlySpan<float> xyz, Span<float> bins)
    {
        if (bins.Length != _options.BinCount)
        {
            return PreprocessStatus.WrongOutputLength;
        }

        bins.Fill(float.PositiveInfinity);
        for (var i = 0; i + 2 < xyz.Length; i += 3)
        {
            float x = xyz[i], y = xyz[i + 1], z = xyz[i + 2];
            if (!float.IsFinite(x) || !float.IsFinite(y) || !float.IsFinite(z) || z < _options.MinZM || z > _options.MaxZM)
            {
                continue;
            }

            Add(bins, MathF.Atan2(y, x), MathF.Sqrt((x * x) + (y * y)));
        }

        Finish(bins);
        return PreprocessStatus.Ok;
    }

    private void Add(Span<float> bins, float angle, float range)
    {
        var offset = angle - _options.AngleMinRad;
        offset -= TwoPi * MathF.Floor(offset / TwoPi);
        var index = (int)(offset * _binsPerRad);
        if (index < 0 || index >= bins.Length || offset >= _options.AngleMaxRad - _options.AngleMinRad)
        {
            return;
        }

        if (range < bins[index])
        {
            bins[index] = range;
        }
    }

    private void Finish(Span<float> bins)
    {
        for (var i = 0; i < bins.Length; i++)
        {
            bins[i] = Math.Clamp(bins[i], _options.RangeMinM, _options.RangeMaxM);
        }
    }
}
