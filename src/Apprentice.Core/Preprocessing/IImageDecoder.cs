using Apprentice.Core.Observations;

namespace Apprentice.Core.Preprocessing;

/// <summary>
/// Port: decodes JPEG/PNG bytes into rgb8 pixels (adapter: SkiaSharp in <c>Apprentice.Nodes</c>).
/// Implementations must not throw on corrupt data and should not allocate per call in steady state.
/// </summary>
public interface IImageDecoder
{
    /// <summary>
    /// Decodes <paramref name="compressed"/> into <paramref name="rgb8"/> as tightly packed rows
    /// (step = width × 3). False when the data is corrupt, the format unsupported, or the image does
    /// not fit in <paramref name="rgb8"/>.
    /// </summary>
    bool TryDecode(ReadOnlySpan<byte> compressed, CompressedFormat format, Span<byte> rgb8, out int width, out int height);
}
