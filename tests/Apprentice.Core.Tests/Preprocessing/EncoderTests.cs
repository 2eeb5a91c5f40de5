using Apprentice.Core.Observations;
using Apprentice.Core.Preprocessing;

namespace Apprentice.Core.Tests.Preprocessing;

public sealed class EncoderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    [Test]
    public void Joint_encoder_writes_positions_then_velocities_normalised()
    {
        var box = new JointStateBox("joints", new JointOrder(["a", "b"]), Timeout);
        box.Write(default, default, ["b", "a"], [2.0, 1.0], [20.0, 10.0], []);
        var assembler = new ObservationAssembler([box]);
        var target = new float[4];
        var encoder = new JointStateEncoder("state", box, new JointStateEncoderOptions { Velocities = true, Mean = [1, 0, 0, 10], Std = [1, 2, 10, 5] }, target);

        Assert.That(encoder.Encode(assembler.Take(default)), Is.EqualTo(PreprocessStatus.Ok));
        Assert.That(target, Is.EqualTo(new[] { 0f, 1f, 1f, 2f }).Within(1e-6f));
    }

    [Test]
    public void Joint_encoder_with_a_buffer_of_the_wrong_size_is_a_configuration_error()
    {
        var box = new JointStateBox("joints", new JointOrder(["a", "b"]), Timeout);
        var ex = Assert.Throws<ConfigurationException>(() => _ = new JointStateEncoder("state", box, new JointStateEncoderOptions(), new float[3]));
        Assert.That(ex!.Message, Does.Contain("needs 2 floats"));
    }

    [Test]
    public void History_encoder_stacks_the_last_frames_of_the_inner_tensor()
    {
        var box = new JointStateBox("joints", new JointOrder(["a"]), Timeout);
        var assembler = new ObservationAssembler([box]);
        var frame = new float[1];
        var target = new float[3];
        var encoder = new HistoryEncoder(new JointStateEncoder("state", box, new JointStateEncoderOptions(), frame), frame, 3, target);
        foreach (var p in new[] { 1.0, 2.0 })
        {
            box.Write(default, default, ["a"], [p], [], []);
            encoder.Encode(assembler.Take(default));
        }

        Assert.That(target, Is.EqualTo(new[] { 1f, 1f, 2f }));
    }

    [Test]
    public void Lidar_encoder_bins_the_snapshot_scan()
    {
        var box = new LaserScanBox("scan", 4, Timeout);
        box.Write(default, default, new LaserScanGeometry(0.1f, 0.1f, 0.1f, 0, 0, 0.1f, 10f), [3f], []);
        var target = new float[2];
        var encoder = new LidarEncoder("scan", box, new AngularBinner(new AngularBinOptions { BinCount = 2, RangeMaxM = 8f }), target);
        encoder.Encode(new ObservationAssembler([box]).Take(default));
        Assert.That(target, Is.EqualTo(new[] { 8f, 3f }));
    }

    [Test]
    public void Compressed_frame_without_a_decoder_fails_with_a_status()
    {
        var box = new ImageBox("cam", 64, Timeout);
        box.WriteCompressed(default, default, "jpeg", [0xFF, 0xD8]);
        var pre = new ImagePreprocessor(new ImagePreprocessOptions { OutputWidth = 1, OutputHeight = 1 });
        var encoder = new ImageEncoder("cam", box, pre, new float[3]);
        Assert.That(encoder.Encode(new ObservationAssembler([box]).Take(default)), Is.EqualTo(PreprocessStatus.DecodeFailed));
    }

    [Test]
    public void Compressed_frame_is_decoded_through_the_port_then_preprocessed()
    {
        var box = new ImageBox("cam", 64, Timeout);
        box.WriteCompressed(default, default, "png", [1]);
        var pre = new ImagePreprocessor(new ImagePreprocessOptions { OutputWidth = 1, OutputHeight = 1, PixelScale = 1f });
        var target = new float[3];
        var encoder = new ImageEncoder("cam", box, pre, target, new SolidColourDecoder(), maxDecodedPixels: 4);
        Assert.That(encoder.Encode(new ObservationAssembler([box]).Take(default)), Is.EqualTo(PreprocessStatus.Ok));
        Assert.That(target, Is.EqualTo(new[] { 10f, 20f, 30f }));
    }

    private sealed class SolidColourDecoder : IImageDecoder
    {
        public bool TryDecode(ReadOnlySpan<byte> compressed, CompressedFormat format, Span<byte> rgb8, out int width, out int height)
        {
            (width, height) = (2, 2);
            for (var i = 0; i < 12; i += 3)
            {
                (rgb8[i], rgb8[i + 1], rgb8[i + 2]) = ((byte)10, (byte)20, (byte)30);
            }

            return format == CompressedFormat.Png;
        }
    }
}
