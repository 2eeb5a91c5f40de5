using Apprentice.Core.Observations;

namespace Apprentice.Core.Preprocessing;

/// <summary>
/// Min-pools LiDAR returns into fixed angular bins (see <see cref="AngularBinOptions"/>), from a
/// <c>LaserScan</c> or from the x/y of a point cloud. Allocation-free in steady state. It caches
/// the beam-to-bin map of the last scan geometry, so one binner serves one input on one thread.
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
    private int[] _map = [];
    private int _mapCount = -1;
    private float _mapAngleMin;
    private float _mapIncrement;

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
        var map = BinMap(scan);
        float sensorMin = scan.RangeMinM, sensorMax = scan.RangeMaxM, tooClose = _options.RangeMinM;
        for (var i = 0; i < ranges.Length; i++)
        {
            var index = map[i];
            var r = ranges[i];
            if (index < 0 || float.IsNaN(r))
            {
                continue;
            }

            if (float.IsNegativeInfinity(r))
            {
                r = tooClose;
            }
            else if (float.IsFinite(r) && (r < sensorMin || r > sensorMax))
            {
                continue;
            }

            if (r < bins[index])
            {
                bins[index] = r;
            }
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

    /// <summary>
    /// Bin index of every beam of <paramref name="scan"/> (-1 outside the configured sector),
    /// rebuilt only when the scan geometry changes: a LaserScan's beam angles are fixed by
    /// angle_min and angle_increment, so the per-beam trigonometry is done once, not per tick.
    /// Allocates only when a scan has more beams than any before.
    /// </summary>
    private ReadOnlySpan<int> BinMap(LaserScanSample scan)
    {
        var count = scan.Ranges.Length;
        if (count != _mapCount || scan.AngleMinRad != _mapAngleMin || scan.AngleIncrementRad != _mapIncrement)
        {
            if (_map.Length < count)
            {
                _map = new int[count];
            }

            for (var i = 0; i < count; i++)
            {
                _map[i] = Index(scan.AngleMinRad + (i * scan.AngleIncrementRad));
            }

            _mapCount = count;
            _mapAngleMin = scan.AngleMinRad;
            _mapIncrement = scan.AngleIncrementRad;
        }

        return _map.AsSpan(0, count);
    }

    private int Index(float angle)
    {
        var offset = angle - _options.AngleMinRad;
        offset -= TwoPi * MathF.Floor(offset / TwoPi);
        var index = (int)(offset * _binsPerRad);
        return index < 0 || index >= _options.BinCount || offset >= _options.AngleMaxRad - _options.AngleMinRad ? -1 : index;
    }

    private void Add(Span<float> bins, float angle, float range)
    {
        var index = Index(angle);
        if (index >= 0 && range < bins[index])
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
