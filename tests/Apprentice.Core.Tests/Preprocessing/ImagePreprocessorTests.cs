using System.Buffers.Binary;
using Apprentice.Core.Observations;
using Apprentice.Core.Preprocessing;

namespace Apprentice.Core.Tests.Preprocessing;

public sealed class ImagePreprocessorTests
{
    // Pixel (x, y) of the 4×4 test image: R = 10x + y, G = 100 − R, B = 7.
    private static byte[] Image4x4(PixelEncoding encoding)
    {
        var bpp = encoding.BytesPerPixel();
        var data = new byte[16 * bpp];
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 4; x++)
            {
                var r = (byte)((10 * x) + y);
                var g = (byte)(100 - r);
                var p = data.AsSpan(((y * 4) + x) * bpp);
                (p[0], p[1], p[2]) = encoding is PixelEncoding.Bgr8 or PixelEncoding.Bgra8 ? ((byte)7, g, r) : (r, g, (byte)7);
                if (bpp == 4)
                {
                    p[3] = 255;
                }
            }
        }

        return data;
    }

    private static float[] Run(ImagePreprocessOptions options, ImageView image)
    {
        var output = new float[options.OutputLength];
        Assert.That(new ImagePreprocessor(options).Process(image, output), Is.EqualTo(PreprocessStatus.Ok));
        return output;
    }

    [TestCase(PixelEncoding.Rgb8)]
    [TestCase(PixelEncoding.Bgr8)]
    [TestCase(PixelEncoding.Rgba8)]
    [TestCase(PixelEncoding.Bgra8)]
    public void Halving_with_bilinear_half_pixel_centres_averages_2x2_blocks_into_rgb_chw(PixelEncoding encoding)
    {
        var options = new ImagePreprocessOptions { OutputWidth = 2, OutputHeight = 2, PixelScale = 1f };
        var bpp = encoding.BytesPerPixel();
        var output = Run(options, new ImageView(Image4x4(encoding), 4, 4, 4 * bpp, encoding));

        float[] expected = [5.5f, 25.5f, 7.5f, 27.5f, 94.5f, 74.5f, 92.5f, 72.5f, 7f, 7f, 7f, 7f];
        Assert.That(output, Is.EqualTo(expected).Within(1e-4f));
    }

    [TestCase(PixelEncoding.Rgb8)]
    [TestCase(PixelEncoding.Bgr8)]
    [TestCase(PixelEncoding.Rgba8)]
    [TestCase(PixelEncoding.Bgra8)]
    public void Same_size_colour_is_normalised_per_channel_into_chw_without_resampling(PixelEncoding encoding)
    {
        // The no-resample path: out[c, y, x] = (pixel_c(x, y) · scale − mean_c) / std_c.
        float[] mean = [0.485f, 0.456f, 0.406f], std = [0.229f, 0.224f, 0.225f];
        var options = new ImagePreprocessOptions { OutputWidth = 4, OutputHeight = 4, Mean = mean, Std = std };
        var bpp = encoding.BytesPerPixel();
        var output = Run(options, new ImageView(Image4x4(encoding), 4, 4, 4 * bpp, encoding));

        var expected = new float[48];
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 4; x++)
            {
                var r = (10 * x) + y;
                float[] rgb = [r, 100 - r, 7];
                for (var c = 0; c < 3; c++)
                {
                    expected[(c * 16) + (y * 4) + x] = ((rgb[c] / 255f) - mean[c]) / std[c];
                }
            }
        }

        Assert.That(output, Is.EqualTo(expected).Within(1e-5f));
    }

    [Test]
    public void Same_size_mono_is_replicated_into_three_normalised_channels()
    {
        float[] mean = [0.1f, 0.2f, 0.3f], std = [0.5f, 0.25f, 2f];
        byte[] pixels = [0, 51, 102, 153, 204, 255];
        var options = new ImagePreprocessOptions { OutputWidth = 3, OutputHeight = 2, Mean = mean, Std = std };
        var output = Run(options, new ImageView(pixels, 3, 2, 3, PixelEncoding.Mono8));
        var expected = new float[18];
        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < 6; i++)
            {
                expected[(c * 6) + i] = ((pixels[i] / 255f) - mean[c]) / std[c];
            }
        }

        Assert.That(output, Is.EqualTo(expected).Within(1e-5f));
    }

    [Test]
    public void Crop_selects_the_rectangle_and_same_size_resize_is_exact()
    {
        var options = new ImagePreprocessOptions { OutputWidth = 2, OutputHeight = 2, CropX = 1, CropY = 1, CropWidth = 2, CropHeight = 2, PixelScale = 1f };
        var output = Run(options, new ImageView(Image4x4(PixelEncoding.Rgb8), 4, 4, 12, PixelEncoding.Rgb8));
        Assert.That(output.AsSpan(0, 4).ToArray(), Is.EqualTo(new[] { 11f, 21f, 12f, 22f }).Within(1e-5f));
    }

    [Test]
    public void Upscaling_mono_interpolates_with_clamped_edges()
    {
        var options = new ImagePreprocessOptions { OutputWidth = 4, OutputHeight = 1, OutputChannels = 1, PixelScale = 1f };
        var output = Run(options, new ImageView([0, 100], 2, 1, 2, PixelEncoding.Mono8));
        Assert.That(output, Is.EqualTo(new[] { 0f, 25f, 75f, 100f }).Within(1e-4f));
    }

    [Test]
    public void Row_padding_in_step_is_skipped()
    {
        var options = new ImagePreprocessOptions { OutputWidth = 2, OutputHeight = 2, OutputChannels = 1, PixelScale = 1f };
        byte[] data = [1, 2, 99, 99, 3, 4, 99, 99];
        var output = Run(options, new ImageView(data, 2, 2, 4, PixelEncoding.Mono8));
        Assert.That(output, Is.EqualTo(new[] { 1f, 2f, 3f, 4f }).Within(1e-5f));
    }

    [Test]
    public void Mean_and_std_normalise_after_scaling_and_mono_is_replicated_to_rgb()
    {
        var options = new ImagePreprocessOptions { OutputWidth = 1, OutputHeight = 1, Mean = [0.5f, 0.25f, 0f], Std = [0.25f, 0.5f, 2f] };
        var output = Run(options, new ImageView([255], 1, 1, 1, PixelEncoding.Mono8));
        Assert.That(output, Is.EqualTo(new[] { 2f, 1.5f, 0.5f }).Within(1e-5f));
    }

    [Test]
    public void Colour_into_one_channel_is_bt601_luma()
    {
        var options = new ImagePreprocessOptions { OutputWidth = 1, OutputHeight = 1, OutputChannels = 1, PixelScale = 1f };
        var output = Run(options, new ImageView([10, 20, 30], 1, 1, 3, PixelEncoding.Bgr8));
        Assert.That(output[0], Is.EqualTo((0.299f * 30) + (0.587f * 20) + (0.114f * 10)).Within(1e-4f));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Depth16_is_scaled_to_metres_by_nearest_neighbour_and_zero_is_invalid(bool bigEndian)
    {
        var data = new byte[8];
        ushort[] mm = [1000, 2000, 3000, 0];
        for (var i = 0; i < 4; i++)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(i * 2), mm[i]);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(i * 2), mm[i]);
            }
        }

        var options = new ImagePreprocessOptions { OutputWidth = 2, OutputHeight = 1, OutputChannels = 1, InvalidDepthM = -1f };
        var output = Run(options, new ImageView(data, 4, 1, 8, PixelEncoding.Depth16U, bigEndian));
        Assert.That(output, Is.EqualTo(new[] { 2f, -1f }).Within(1e-6f));
    }

    [Test]
    public void Depth32_nan_and_negative_read_as_the_invalid_value_then_normalise()
    {
        var data = new byte[12];
        float[] metres = [1.5f, float.NaN, -2f];
        for (var i = 0; i < 3; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), metres[i]);
        }

        var options = new ImagePreprocessOptions { OutputWidth = 3, OutputHeight = 1, OutputChannels = 1, InvalidDepthM = 0f, Mean = [1f], Std = [0.5f] };
        var output = Run(options, new ImageView(data, 3, 1, 12, PixelEncoding.Depth32F));
        Assert.That(output, Is.EqualTo(new[] { 1f, -2f, -2f }).Within(1e-6f));
    }

    [Test]
    public void Bad_inputs_return_a_status_instead_of_throwing()
    {
        var pre = new ImagePreprocessor(new ImagePreprocessOptions { OutputWidth = 2, OutputHeight = 2, CropX = 3, CropWidth = 2 });
        var image = new ImageView(new byte[48], 4, 4, 12, PixelEncoding.Rgb8);
        Assert.That(pre.Process(image, new float[12]), Is.EqualTo(PreprocessStatus.CropOutsideImage));
        Assert.That(pre.Process(image, new float[11]), Is.EqualTo(PreprocessStatus.WrongOutputLength));
        Assert.That(pre.Process(new ImageView(new byte[47], 4, 4, 12, PixelEncoding.Rgb8), new float[12]), Is.EqualTo(PreprocessStatus.Malformed));
        var depthInRgb = new ImagePreprocessor(new ImagePreprocessOptions { OutputWidth = 1, OutputHeight = 1 });
        Assert.That(depthInRgb.Process(new ImageView(new byte[2], 1, 1, 2, PixelEncoding.Depth16U), new float[3]), Is.EqualTo(PreprocessStatus.UnsupportedEncoding));
    }

    [Test]
    public void Options_with_wrong_statistics_are_configuration_errors_naming_the_field()
    {
        var ex = Assert.Throws<ConfigurationException>(() => _ = new ImagePreprocessor(new ImagePreprocessOptions { OutputWidth = 1, OutputHeight = 1, Std = [1f, 0f, 1f] }, "wrist_camera"));
        Assert.That(ex!.Field, Is.EqualTo("wrist_camera.std"));
    }

    [Test]
    public void Processing_a_frame_allocates_nothing()
    {
        var pre = new ImagePreprocessor(new ImagePreprocessOptions { OutputWidth = 3, OutputHeight = 3 });
        var data = Image4x4(PixelEncoding.Rgb8);
        var output = new float[27];
        pre.Process(new ImageView(data, 4, 4, 12, PixelEncoding.Rgb8), output);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            pre.Process(new ImageView(data, 4, 4, 12, PixelEncoding.Rgb8), output);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
