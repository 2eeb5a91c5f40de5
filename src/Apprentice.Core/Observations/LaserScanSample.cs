namespace Apprentice.Core.Observations;

/// <summary>
/// One <c>sensor_msgs/LaserScan</c> (angles in rad, ranges in m, times in s), raw: NaN and ±inf
/// are kept as sent (REP-117) and interpreted by the preprocessing. Preallocated.
/// </summary>
public sealed class LaserScanSample : Sample
{
    internal LaserScanSample(int capacity)
    {
        RangeStore = new float[capacity];
        IntensityStore = new float[capacity];
    }

    /// <summary>Angle of the first range [rad].</summary>
    public float AngleMinRad { get; internal set; }

    /// <summary>Angle of the last range [rad].</summary>
    public float AngleMaxRad { get; internal set; }

    /// <summary>Angle step between ranges [rad] (negative for clockwise scanners).</summary>
    public float AngleIncrementRad { get; internal set; }

    /// <summary>Time between measurements [s].</summary>
    public float TimeIncrementSec { get; internal set; }

    /// <summary>Time between scans [s].</summary>
    public float ScanTimeSec { get; internal set; }

    /// <summary>Minimum valid range of the sensor [m].</summary>
    public float RangeMinM { get; internal set; }

    /// <summary>Maximum valid range of the sensor [m].</summary>
    public float RangeMaxM { get; internal set; }

    /// <summary>Number of valid ranges.</summary>
    public int Count { get; internal set; }

    /// <summary>Number of valid intensities (0 or <see cref="Count"/>).</summary>
    public int IntensityCount { get; internal set; }

    /// <summary>Ranges [m].</summary>
    public ReadOnlySpan<float> Ranges => RangeStore.AsSpan(0, Count);

    /// <summary>Intensities (device units).</summary>
    public ReadOnlySpan<float> Intensities => IntensityStore.AsSpan(0, IntensityCount);

    internal float[] RangeStore { get; }

    internal float[] IntensityStore { get; }
}
