namespace Apprentice.Core.Observations;

/// <summary>
/// Points of one <c>sensor_msgs/PointCloud2</c> as interleaved x, y, z float32 [m] in the cloud's
/// frame. NaN points (organised clouds) are kept; preprocessing ignores them. Preallocated.
/// </summary>
public sealed class PointCloudSample : Sample
{
    internal PointCloudSample(int capacityPoints)
    {
        XyzStore = new float[capacityPoints * 3];
    }

    /// <summary>Number of points.</summary>
    public int Count { get; internal set; }

    /// <summary>x0, y0, z0, x1, … for <see cref="Count"/> points.</summary>
    public ReadOnlySpan<float> Xyz => XyzStore.AsSpan(0, Count * 3);

    internal float[] XyzStore { get; }
}
