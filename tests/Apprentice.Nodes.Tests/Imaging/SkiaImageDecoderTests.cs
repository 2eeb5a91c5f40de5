using Apprentice.Core.Observations;
using Apprentice.Nodes.Imaging;
using SkiaSharp;

namespace Apprentice.Nodes.Tests.Imaging;

public sealed class SkiaImageDecoderTests
{
    private static SKColor ColourAt(int x, int y) => new((byte)(40 * x), (byte)(60 * y), (byte)(200 - (10 * x)));

    private static byte[] Encode(SKEncodedImageFormat format, int quality)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(5, 3, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (var y = 0; y < 3; y++)
        {
            for (var x = 0; x < 5; x++)
            {
                bitmap.SetPixel(x, y, ColourAt(x, y));
            }
        }

        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    [Test]
    public void Png_decodes_to_the_exact_rgb8_pixels()
    {
        using var decoder = new SkiaImageDecoder();
        var rgb = new byte[5 * 3 * 3];
        Assert.That(decoder.TryDecode(Encode(SKEncodedImageFormat.Png, 100), CompressedFormat.Png, rgb, out var w, out var h), Is.True);
        Assert.That((w, h), Is.EqualTo((5, 3)));
        for (var y = 0; y < 3; y++)
        {
            for (var x = 0; x < 5; x++)
            {
                var c = ColourAt(x, y);
                var i = ((y * 5) + x) * 3;
                Assert.That(new[] { rgb[i], rgb[i + 1], rgb[i + 2] }, Is.EqualTo(new[] { c.Red, c.Green, c.Blue }), "pixel " + x + "," + y);
            }
        }
    }

    [Test]
    public void Jpeg_decodes_close_to_the_original_pixels()
    {
        using var decoder = new SkiaImageDecoder();
        var rgb = new byte[5 * 3 * 3];
        Assert.That(decoder.TryDecode(Encode(SKEncodedImageFormat.Jpeg, 100), CompressedFormat.Jpeg, rgb, out _, out _), Is.True);
        var c = ColourAt(2, 1);
        var i = ((1 * 5) + 2) * 3;
        Assert.That((int)rgb[i], Is.EqualTo(c.Red).Within(40));
        Assert.That((int)rgb[i + 2], Is.EqualTo(c.Blue).Within(40));
    }

    [Test]
    public void Corrupt_data_wrong_format_or_a_small_buffer_return_false_without_throwing()
    {
        using var decoder = new SkiaImageDecoder();
        var png = Encode(SKEncodedImageFormat.Png, 100);
        Assert.That(decoder.TryDecode([1, 2, 3, 4, 5], CompressedFormat.Jpeg, new byte[100], out _, out _), Is.False);
        Assert.That(decoder.TryDecode(png, CompressedFormat.Jpeg, new byte[100], out _, out _), Is.False);
        Assert.That(decoder.TryDecode(png, CompressedFormat.Png, new byte[44], out _, out _), Is.False);
        Assert.That(decoder.TryDecode(png.AsSpan(0, 20), CompressedFormat.Png, new byte[45], out _, out _), Is.False);
    }
}
