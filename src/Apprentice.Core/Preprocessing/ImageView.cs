using Apprentice.Core.Observations;

namespace Apprentice.Core.Preprocessing;

/// <summary>A raw image to preprocess: pixels, size, row stride and encoding. Borrowed, never copied.</summary>
public readonly ref struct ImageView
{
    /// <summary>Wraps raw pixel data.</summary>
    public ImageView(ReadOnlySpan<byte> data, int width, int height, int step, PixelEncoding encoding, bool isBigEndian = false)
    {
        Data = data;
        Width = width;
        Height = height;
        Step = step;
        Encoding = encoding;
        IsBigEndian = isBigEndian;
    }

    /// <summary>Pixel bytes, rows <see cref="Step"/> bytes apart.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Width [px].</summary>
    public int Width { get; }

    /// <summary>Height [px].</summary>
    public int Height { get; }

    /// <summary>Bytes per row.</summary>
    public int Step { get; }

    /// <summary>Encoding.</summary>
    public PixelEncoding Encoding { get; }

    /// <summary>Whether 16-bit depth values are big-endian.</summary>
    public bool IsBigEndian { get; }

    /// <summary>A view of a raw <see cref="ImageFrame"/>.</summary>
    public static ImageView Of(ImageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return new ImageView(frame.Data, frame.Width, frame.Height, frame.Step, frame.Encoding, frame.IsBigEndian);
    }

    /// <summary>Whether sizes, stride and data length are consistent.</summary>
    public bool IsWellFormed =>
        Encoding != PixelEncoding.None && Width > 0 && Height > 0
        && Step >= Width * Encoding.BytesPerPixel()
        && (long)Step * (Height - 1) + ((long)Width * Encoding.BytesPerPixel()) <= Data.Length;
}
