using System.Buffers.Binary;
using Apprentice.Core.Observations;

namespace Apprentice.Core.Tests.Observations;

public sealed class SensorBoxTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    [Test]
    public void Image_larger_than_capacity_or_with_unknown_encoding_is_rejected()
    {
        var box = new ImageBox("cam", 12, Timeout);
        Assert.That(box.WriteRaw(default, default, 2, 2, "rgb8", false, 6, new byte[12]), Is.EqualTo(WriteResult.Stored));
        Assert.That(box.WriteRaw(default, default, 3, 2, "rgb8", false, 9, new byte[18]), Is.EqualTo(WriteResult.Rejected));
        Assert.That(box.WriteRaw(default, default, 1, 1, "yuv422", false, 2, new byte[2]), Is.EqualTo(WriteResult.Rejected));
        Assert.That(box.WriteRaw(default, default, 2, 2, "rgb8", false, 6, new byte[11]), Is.EqualTo(WriteResult.Rejected));
        Assert.That(box.RejectedCount, Is.EqualTo(3));
    }

    [Test]
    public void Compressed_image_keeps_bytes_and_format()
    {
        var box = new ImageBox("cam", 16, Timeout);
        Assert.That(box.WriteCompressed(default, default, "rgb8; jpeg compressed bgr8", [1, 2, 3]), Is.EqualTo(WriteResult.Stored));
        var frame = (ImageFrame)((IObservationInput)box).AcquireLatest();
        Assert.That(frame.Compression, Is.EqualTo(CompressedFormat.Jpeg));
        Assert.That(frame.Data.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(box.WriteCompressed(default, default, "tiff", [1]), Is.EqualTo(WriteResult.Rejected));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Point_cloud_x_y_z_are_read_at_their_offsets_with_row_padding(bool bigEndian)
    {
        // Two rows of two points; point: x@8, y@0, z@4, pad to 16; row step 40 (8 bytes of padding).
        Assert.That(PointCloudLayout.TryCreate(["y", "z", "x", "intensity"], [0, 4, 8, 12], [7, 7, 7, 7], [1, 1, 1, 1], 16, bigEndian, out var layout), Is.True);
        var data = new byte[80];
        for (var r = 0; r < 2; r++)
        {
            for (var c = 0; c < 2; c++)
            {
                var p = data.AsSpan((r * 40) + (c * 16));
                var k = (r * 2) + c;
                Put(p, 8, k + 0.5f, bigEndian);
                Put(p, 0, -k, bigEndian);
                Put(p, 4, 10 * k, bigEndian);
            }
        }

        var box = new PointCloudBox("cloud", 4, Timeout);
        Assert.That(box.Write(default, default, layout, 2, 2, 40, data), Is.EqualTo(WriteResult.Stored));
        var sample = (PointCloudSample)((IObservationInput)box).AcquireLatest();
        Assert.That(sample.Xyz.ToArray(), Is.EqualTo(new[] { 0.5f, 0f, 0f, 1.5f, -1f, 10f, 2.5f, -2f, 20f, 3.5f, -3f, 30f }));
    }

    [Test]
    public void Point_cloud_without_float32_xyz_or_with_short_data_is_refused()
    {
        Assert.That(PointCloudLayout.TryCreate(["x", "y", "z"], [0, 4, 8], [7, 7, 8], [1, 1, 1], 12, false, out _), Is.False);
        Assert.That(PointCloudLayout.TryCreate(["x", "y"], [0, 4], [7, 7], [1, 1], 12, false, out _), Is.False);
        PointCloudLayout.TryCreate(["x", "y", "z"], [0, 4, 8], [7, 7, 7], [1, 1, 1], 12, false, out var layout);
        var box = new PointCloudBox("cloud", 10, Timeout);
        Assert.That(box.Write(default, default, layout, 3, 1, 36, new byte[35]), Is.EqualTo(WriteResult.Rejected));
        Assert.That(box.Write(default, default, layout, 11, 1, 132, new byte[132]), Is.EqualTo(WriteResult.Rejected));
    }

    private static void Put(Span<byte> point, int offset, float value, bool bigEndian)
    {
        var bits = BitConverter.SingleToInt32Bits(value);
        if (bigEndian)
        {
            BinaryPrimitives.WriteInt32BigEndian(point[offset..], bits);
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(point[offset..], bits);
        }
    }
}
