using Apprentice.Safety.Geometry;

namespace Apprentice.Safety.Zones;

/// <summary>
/// Turns a planar laser scan (sensor_msgs/LaserScan layout) into points in the base frame using the sensor's configured
/// extrinsics. Holds a preallocated point buffer: <see cref="Project"/> allocates nothing (real-time safe).
/// Not thread-safe.
/// </summary>
public sealed class ScanProjector
{
    private readonly Vec3[] _points;

    /// <summary>Creates a projector for scans of up to <paramref name="maxPoints"/> beams.</summary>
    /// <param name="sensorInBase">Pose of the sensor frame in the base frame (e.g. from the URDF).</param>
    /// <param name="maxPoints">Largest scan size accepted.</param>
    public ScanProjector(Transform3 sensorInBase, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPoints);
        SensorInBase = sensorInBase;
        _points = new Vec3[maxPoints];
    }

    /// <summary>Pose of the sensor in the base frame.</summary>
    public Transform3 SensorInBase { get; }

    /// <summary>
    /// Projects valid beams (finite, within [rangeMin, rangeMax]) and returns the base-frame points (a view of the internal
    /// buffer, valid until the next call). Beams beyond the buffer are dropped.
    /// </summary>
    public ReadOnlySpan<Vec3> Project(ReadOnlySpan<float> ranges, double angleMinRad, double angleIncrementRad, double rangeMinM, double rangeMaxM)
    {
        var n = 0;
        var count = Math.Min(ranges.Length, _points.Length);
        for (var i = 0; i < count; i++)
        {
            double r = ranges[i];
            if (!double.IsFinite(r) || r < rangeMin(rangeMinM) || r > rangeMaxM)
            {
                continue;
            }

            var (s, c) = Math.SinCos(angleMinRad + (i * angleIncrementRad));
            _points[n++] = SensorInBase.Apply(new Vec3(r * c, r * s, 0));
        }

        return _points.AsSpan(0, n);

        static double rangeMin(double m) => double.IsFinite(m) ? m : 0;
    }
}
