using Apprentice.Core.Observations;
using Apprentice.Core.Preprocessing;
using SkiaSharp;

namespace Apprentice.Nodes.Imaging;

/// <summary>
/// <see cref="IImageDecoder"/> over SkiaSharp for <c>sensor_msgs/CompressedImage</c> JPEG and PNG.
/// Decodes into a reused RGBA bitmap and repacks to rgb8.
/// </summary>
/// <remarks>
/// The pixel memory is reused while the image size stays the same; each call still creates two
/// small SkiaSharp handle objects (the data and codec wrappers). Never throws for corrupt data;
/// truncated frames are refused.
/// One thread at a time (the control thread).
/// </remarks>
public sealed class SkiaImageDecoder : IImageDecoder, IDisposable
{
    private SKBitmap? _rgba;

    /// <inheritdoc />
    public bool TryDecode(ReadOnlySpan<byte> compressed, CompressedFormat format, Span<byte> rgb8, out int width, out int height)
    {
        width = 0;
        height = 0;
        if (compressed.IsEmpty || format == CompressedFormat.None)
        {
            return false;
        }

        using var data = SKData.CreateCopy(compressed);
        using var codec = SKCodec.Create(data);
        if (codec is null || !Matches(codec.EncodedFormat, format))
        {
            return false;
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height * 3 > rgb8.Length)
        {
            return false;
        }

        if (_rgba is null || _rgba.Width != info.Width || _rgba.Height != info.Height)
        {
            _rgba?.Dispose();
            _rgba = new SKBitmap(info);
        }

        // A truncated frame (IncompleteInput) is refused: half an image must not reach the policy.
        if (codec.GetPixels(info, _rgba.GetPixels()) != SKCodecResult.Success)
        {
            return false;
        }

        Repack(_rgba.GetPixelSpan(), _rgba.RowBytes, info.Width, info.Height, rgb8);
        width = info.Width;
        height = info.Height;
        return true;
    }

    /// <summary>Frees the native bitmap.</summary>
    public void Dispose()
    {
        _rgba?.Dispose();
        _rgba = null;
    }

    private static bool Matches(SKEncodedImageFormat encoded, CompressedFormat format) => format switch
    {
        CompressedFormat.Jpeg => encoded == SKEncodedImageFormat.Jpeg,
        CompressedFormat.Png => encoded == SKEncodedImageFormat.Png,
        _ => false,
    };

    private static void Repack(ReadOnlySpan<byte> rgba, int rowBytes, int width, int height, Span<byte> rgb8)
    {
        for (var y = 0; y < height; y++)
        {
            var source = rgba.Slice(y * rowBytes, width * 4);
            var target = rgb8.Slice(y * width * 3, width * 3);
            for (var x = 0; x < width; x++)
            {
                target[(x * 3) + 0] = source[(x * 4) + 0];
                target[(x * 3) + 1] = source[(x * 4) + 1];
                target[(x * 3) + 2] = source[(x * 4) + 2];
            }
        }
    }
}
