namespace Apprentice.Core.Observations;

/// <summary>
/// One camera frame: raw pixels (<see cref="Encoding"/> set) or compressed bytes
/// (<see cref="Compression"/> set). Preallocated to the box's capacity and overwritten in place.
/// </summary>
public sealed class ImageFrame : Sample
{
    internal ImageFrame(int capacityBytes)
    {
        Buffer = new byte[capacityBytes];
    }

    /// <summary>Width in pixels (0 for compressed frames).</summary>
    public int Width { get; internal set; }

    /// <summary>Height in pixels (0 for compressed frames).</summary>
    public int Height { get; internal set; }

    /// <summary>Bytes per row (ROS <c>step</c>), at least <c>Width × bytes per pixel</c>.</summary>
    public int Step { get; internal set; }

    /// <summary>Raw encoding, or <see cref="PixelEncoding.None"/> for compressed frames.</summary>
    public PixelEncoding Encoding { get; internal set; }

    /// <summary>Whether multi-byte pixels are big-endian (ROS <c>is_bigendian</c>).</summary>
    public bool IsBigEndian { get; internal set; }

    /// <summary>Compression format, or <see cref="CompressedFormat.None"/> for raw frames.</summary>
    public CompressedFormat Compression { get; internal set; }

    /// <summary>Number of valid bytes in <see cref="Buffer"/>.</summary>
    public int Length { get; internal set; }

    /// <summary>The preallocated byte store; only the first <see cref="Length"/> bytes are valid.</summary>
    internal byte[] Buffer { get; }

    /// <summary>The valid bytes.</summary>
    public ReadOnlySpan<byte> Data => Buffer.AsSpan(0, Length);
}
