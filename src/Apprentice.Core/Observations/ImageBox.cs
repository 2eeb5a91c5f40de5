namespace Apprentice.Core.Observations;

/// <summary>
/// Latest camera frame. Each slot preallocates <see cref="CapacityBytes"/>; larger frames are
/// rejected (counted in <see cref="SampleBox{T}.RejectedCount"/>), never grown on the hot path.
/// </summary>
public sealed class ImageBox : SampleBox<ImageFrame>
{
    /// <summary>Creates the box; three slots of <paramref name="capacityBytes"/> each are allocated now.</summary>
    public ImageBox(string name, int capacityBytes, TimeSpan timeout)
        : base(name, InputKind.Image, timeout, () => new ImageFrame(capacityBytes))
    {
        if (capacityBytes <= 0)
        {
            throw new ConfigurationException(name + ".capacity_bytes", "must be positive; set it to at least width × height × bytes per pixel of the camera.");
        }

        CapacityBytes = capacityBytes;
    }

    /// <summary>Largest frame (bytes) the box stores.</summary>
    public int CapacityBytes { get; }

    /// <summary>
    /// Stores one <c>sensor_msgs/Image</c>. Rejected when the encoding is not supported, the sizes
    /// are inconsistent or the data exceeds the capacity. Callback thread; allocation-free.
    /// </summary>
    public WriteResult WriteRaw(
        TimeSpan stamp, TimeSpan receivedAt, int width, int height, string encoding, bool isBigEndian, int step, ReadOnlySpan<byte> data)
    {
        var slot = BeginWrite();
        var result = WriteResult.Rejected;
        try
        {
            if (PixelEncodings.TryParse(encoding, out var parsed)
                && width > 0 && height > 0
                && step >= width * parsed.BytesPerPixel()
                && (long)step * height <= data.Length
                && (long)step * height <= CapacityBytes)
            {
                var length = step * height;
                data[..length].CopyTo(slot.Buffer);
                slot.Width = width;
                slot.Height = height;
                slot.Step = step;
                slot.Encoding = parsed;
                slot.IsBigEndian = isBigEndian;
                slot.Compression = CompressedFormat.None;
                slot.Length = length;
                result = WriteResult.Stored;
            }
        }
        finally
        {
            EndWrite(result, stamp, receivedAt);
        }

        return result;
    }

    /// <summary>Stores one <c>sensor_msgs/CompressedImage</c> (JPEG or PNG bytes, decoded later). Callback thread; allocation-free.</summary>
    public WriteResult WriteCompressed(TimeSpan stamp, TimeSpan receivedAt, string format, ReadOnlySpan<byte> data)
    {
        var slot = BeginWrite();
        var result = WriteResult.Rejected;
        try
        {
            if (CompressedFormats.TryParse(format, out var parsed) && data.Length > 0 && data.Length <= CapacityBytes)
            {
                data.CopyTo(slot.Buffer);
                slot.Width = 0;
                slot.Height = 0;
                slot.Step = 0;
                slot.Encoding = PixelEncoding.None;
                slot.IsBigEndian = false;
                slot.Compression = parsed;
                slot.Length = data.Length;
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
