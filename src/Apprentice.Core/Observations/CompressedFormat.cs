namespace Apprentice.Core.Observations;

/// <summary>Formats of <c>sensor_msgs/CompressedImage</c> the pipeline can hand to an <see cref="Preprocessing.IImageDecoder"/>.</summary>
public enum CompressedFormat
{
    /// <summary>Not compressed.</summary>
    None,

    /// <summary>JPEG.</summary>
    Jpeg,

    /// <summary>PNG.</summary>
    Png,
}

/// <summary>Parsing of the CompressedImage <c>format</c> field.</summary>
public static class CompressedFormats
{
    /// <summary>
    /// Reads the <c>format</c> field (<c>jpeg</c>, <c>png</c>, or image_transport's
    /// <c>"rgb8; jpeg compressed bgr8"</c> form, where the last word names the codec).
    /// Allocation-free.
    /// </summary>
    public static bool TryParse(string? format, out CompressedFormat result)
    {
        result = CompressedFormat.None;
        if (string.IsNullOrEmpty(format))
        {
            return false;
        }

        var text = format.AsSpan();
        if (text.Contains("jpeg", StringComparison.OrdinalIgnoreCase) || text.Contains("jpg", StringComparison.OrdinalIgnoreCase))
        {
            result = CompressedFormat.Jpeg;
        }
        else if (text.Contains("png", StringComparison.OrdinalIgnoreCase))
        {
            result = CompressedFormat.Png;
        }

        return result != CompressedFormat.None;
    }
}
