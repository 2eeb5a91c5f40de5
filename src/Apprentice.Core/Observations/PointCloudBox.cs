namespace Apprentice.Core.Observations;

/// <summary>Latest point cloud, reduced to x/y/z; clouds with more than <see cref="CapacityPoints"/> points are rejected.</summary>
public sealed class PointCloudBox : SampleBox<PointCloudSample>
{
    /// <summary>Creates the box; three slots of <paramref name="capacityPoints"/> points are allocated now.</summary>
    public PointCloudBox(string name, int capacityPoints, TimeSpan timeout)
        : base(name, InputKind.PointCloud, timeout, () => new PointCloudSample(capacityPoints))
    {
        if (capacityPoints <= 0)
        {
            throw new ConfigurationException(name + ".capacity_points", "must be positive; set it to width × height of the cloud or more.");
        }

        CapacityPoints = capacityPoints;
    }

    /// <summary>Largest number of points stored.</summary>
    public int CapacityPoints { get; }

    /// <summary>
    /// Copies x/y/z of each point of a <c>PointCloud2</c> (<paramref name="width"/> ×
    /// <paramref name="height"/> points, rows <paramref name="rowStep"/> bytes apart). Rejected when
    /// the data is shorter than the layout says or the cloud exceeds the capacity. Callback thread;
    /// allocation-free.
    /// </summary>
    public WriteResult Write(TimeSpan stamp, TimeSpan receivedAt, in PointCloudLayout layout, int width, int height, int rowStep, ReadOnlySpan<byte> data)
    {
        var slot = BeginWrite();
        var result = WriteResult.Rejected;
        try
        {
            long points = (long)width * height;
            if (width >= 0 && height >= 0 && points <= CapacityPoints && layout.PointStep > 0
                && rowStep >= (long)width * layout.PointStep
                && (height == 0 || ((long)rowStep * (height - 1)) + ((long)width * layout.PointStep) <= data.Length))
            {
                var store = slot.XyzStore;
                var n = 0;
                for (var r = 0; r < height; r++)
                {
                    var row = data.Slice(r * rowStep, width * layout.PointStep);
                    for (var c = 0; c < width; c++)
                    {
                        var point = row.Slice(c * layout.PointStep, layout.PointStep);
                        store[n++] = layout.Read(point, layout.XOffset);
                        store[n++] = layout.Read(point, layout.YOffset);
                        store[n++] = layout.Read(point, layout.ZOffset);
                    }
                }

                slot.Count = (int)points;
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
