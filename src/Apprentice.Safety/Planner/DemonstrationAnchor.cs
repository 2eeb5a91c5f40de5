namespace Apprentice.Safety.Planner;

/// <summary>
/// A compact model of demonstrated states: downsampled demonstrated joint-space trajectories (points of one trajectory
/// contiguous and in time order), the normalisation used for distances (z = (x − mean)/std), and the radius of the
/// demonstrated region in normalised units. Immutable; thread-safe. Queries are allocation-free brute-force scans
/// (O(points × dims)). File format: <see cref="DemonstrationAnchorFile"/>.
/// </summary>
public sealed class DemonstrationAnchor
{
    private readonly float[] _points;
    private readonly int[] _trajectory;
    private readonly double[] _mean;
    private readonly double[] _invStd;

    /// <summary>Creates the model.</summary>
    /// <param name="dims">State dimension.</param>
    /// <param name="mean">Normalisation mean per dimension.</param>
    /// <param name="std">Normalisation standard deviation per dimension (&gt; 0).</param>
    /// <param name="regionRadius">Radius of the demonstrated region in normalised units (&gt; 0).</param>
    /// <param name="points">Row-major points, count × dims, raw (not normalised) units.</param>
    /// <param name="trajectoryIds">Trajectory id of each point; equal ids must be contiguous.</param>
    /// <exception cref="ArgumentException">Inconsistent sizes, non-finite values, non-positive std or radius, or non-contiguous ids.</exception>
    public DemonstrationAnchor(int dims, ReadOnlySpan<double> mean, ReadOnlySpan<double> std, double regionRadius, ReadOnlySpan<float> points, ReadOnlySpan<int> trajectoryIds)
    {
        if (dims <= 0 || mean.Length != dims || std.Length != dims)
        {
            throw new ArgumentException($"dims {dims} must be positive and match mean ({mean.Length}) and std ({std.Length})");
        }

        if (trajectoryIds.Length == 0 || points.Length != trajectoryIds.Length * dims)
        {
            throw new ArgumentException($"expected {trajectoryIds.Length} × {dims} point values and at least one point, got {points.Length}");
        }

        if (!(regionRadius > 0) || !double.IsFinite(regionRadius))
        {
            throw new ArgumentException("the region radius must be positive and finite", nameof(regionRadius));
        }

        _mean = mean.ToArray();
        _invStd = new double[dims];
        for (var d = 0; d < dims; d++)
        {
            if (!(std[d] > 0) || !double.IsFinite(std[d]) || !double.IsFinite(mean[d]))
            {
                throw new ArgumentException($"std[{d}] must be positive and finite and mean[{d}] finite");
            }

            _invStd[d] = 1 / std[d];
        }

        foreach (var p in points)
        {
            if (!float.IsFinite(p))
            {
                throw new ArgumentException("points must be finite", nameof(points));
            }
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < trajectoryIds.Length; i++)
        {
            if ((i == 0 || trajectoryIds[i] != trajectoryIds[i - 1]) && !seen.Add(trajectoryIds[i]))
            {
                throw new ArgumentException($"points of trajectory {trajectoryIds[i]} are not contiguous (index {i})", nameof(trajectoryIds));
            }
        }

        (Dims, RegionRadius, TrajectoryCount) = (dims, regionRadius, seen.Count);
        _points = points.ToArray();
        _trajectory = trajectoryIds.ToArray();
    }

    /// <summary>State dimension.</summary>
    public int Dims { get; }

    /// <summary>Number of points.</summary>
    public int Count => _trajectory.Length;

    /// <summary>Number of trajectories.</summary>
    public int TrajectoryCount { get; }

    /// <summary>Radius of the demonstrated region (normalised units).</summary>
    public double RegionRadius { get; }

    /// <summary>Normalisation mean.</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>Normalisation standard deviation.</summary>
    public double[] Std => _invStd.Select(x => 1 / x).ToArray();

    /// <summary>Raw point <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Point(int index) => _points.AsSpan(index * Dims, Dims);

    /// <summary>Trajectory id of point <paramref name="index"/>.</summary>
    public int TrajectoryOf(int index) => _trajectory[index];

    /// <summary>Index of the nearest point (normalised Euclidean distance) and that distance. Allocation-free.</summary>
    public (int Index, double Distance) Nearest(ReadOnlySpan<double> state)
    {
        if (state.Length != Dims)
        {
            throw new ArgumentException($"expected a state of {Dims} values", nameof(state));
        }

        var best = double.PositiveInfinity;
        var bestIndex = 0;
        var dims = Dims;
        for (var i = 0; i < _trajectory.Length; i++)
        {
            var sum = 0.0;
            var row = i * dims;
            for (var d = 0; d < dims && sum < best; d++)
            {
                var z = (state[d] - _points[row + d]) * _invStd[d];
                sum += z * z;
            }

            if (sum < best)
            {
                (best, bestIndex) = (sum, i);
            }
        }

        return (bestIndex, Math.Sqrt(best));
    }

    /// <summary>The point <paramref name="steps"/> after <paramref name="index"/> on the same trajectory (its last point at the end).</summary>
    public int Ahead(int index, int steps)
    {
        var id = _trajectory[index];
        var last = index;
        for (var k = 1; k <= steps && index + k < _trajectory.Length && _trajectory[index + k] == id; k++)
        {
            last = index + k;
        }

        return last;
    }
}
