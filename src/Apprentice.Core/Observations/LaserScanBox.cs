namespace Apprentice.Core.Observations;

/// <summary>Latest LiDAR scan; scans with more than <see cref="CapacityRanges"/> ranges are rejected.</summary>
public sealed class LaserScanBox : SampleBox<LaserScanSample>
{
    /// <summary>Creates the box; three slots of <paramref name="capacityRanges"/> ranges are allocated now.</summary>
    public LaserScanBox(string name, int capacityRanges, TimeSpan timeout)
        : base(name, InputKind.LaserScan, timeout, () => new LaserScanSample(capacityRanges))
    {
        if (capacityRanges <= 0)
        {
            throw new ConfigurationException(name + ".capacity_ranges", "must be positive; set it to the scanner's number of beams or more.");
        }

        CapacityRanges = capacityRanges;
    }

    /// <summary>Largest number of ranges stored.</summary>
    public int CapacityRanges { get; }

    /// <summary>
    /// Stores one scan. <paramref name="intensities"/> may be empty; otherwise it must match
    /// <paramref name="ranges"/> in length. Callback thread; allocation-free.
    /// </summary>
    public WriteResult Write(TimeSpan stamp, TimeSpan receivedAt, in LaserScanGeometry geometry, ReadOnlySpan<float> ranges, ReadOnlySpan<float> intensities)
    {
        var slot = BeginWrite();
        var result = WriteResult.Rejected;
        try
        {
            if (ranges.Length <= CapacityRanges
                && (intensities.Length == 0 || intensities.Length == ranges.Length)
                && float.IsFinite(geometry.AngleMinRad)
                && float.IsFinite(geometry.AngleIncrementRad))
            {
                ranges.CopyTo(slot.RangeStore);
                intensities.CopyTo(slot.IntensityStore);
                slot.Count = ranges.Length;
                slot.IntensityCount = intensities.Length;
                slot.AngleMinRad = geometry.AngleMinRad;
                slot.AngleMaxRad = geometry.AngleMaxRad;
                slot.AngleIncrementRad = geometry.AngleIncrementRad;
                slot.TimeIncrementSec = geometry.TimeIncrementSec;
                slot.ScanTimeSec = geometry.ScanTimeSec;
                slot.RangeMinM = geometry.RangeMinM;
                slot.RangeMaxM = geometry.RangeMaxM;
                result = WriteResult.Stored;
            }
        }
        finally
        {
            EndWrite(result, stamp, receivedAt);
        }

        return result;
    }
}

/// <summary>The scalar fields of <c>sensor_msgs/LaserScan</c> (rad, s, m).</summary>
public readonly record struct LaserScanGeometry(
    float AngleMinRad,
    float AngleMaxRad,
    float AngleIncrementRad,
    float TimeIncrementSec,
    float ScanTimeSec,
    float RangeMinM,
    float RangeMaxM);
