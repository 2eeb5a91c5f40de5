namespace Apprentice.Core.Observations;

/// <summary>Image encodings the pipeline accepts (names as in <c>sensor_msgs/image_encodings.hpp</c>).</summary>
public enum PixelEncoding
{
    /// <summary>Not a raw image (compressed bytes, or nothing yet).</summary>
    None,

    /// <summary><c>rgb8</c>: 3 bytes per pixel.</summary>
    Rgb8,

    /// <summary><c>bgr8</c>: 3 bytes per pixel.</summary>
    Bgr8,

    /// <summary><c>rgba8</c>: 4 bytes per pixel.</summary>
    Rgba8,

    /// <summary><c>bgra8</c>: 4 bytes per pixel.</summary>
    Bgra8,

    /// <summary><c>mono8</c>: 1 byte per pixel.</summary>
    Mono8,

    /// <summary><c>16UC1</c> depth (millimetres by REP-118 convention), 2 bytes per pixel.</summary>
    Depth16U,

    /// <summary><c>32FC1</c> depth in metres, 4 bytes per pixel.</summary>
    Depth32F,
}

/// <summary>Parsing and sizes of <see cref="PixelEncoding"/>.</summary>
public static class PixelEncodings
{
    /// <summary>Maps a ROS encoding string (allocation-free); false for encodings the pipeline does not take.</summary>
    public static bool TryParse(string? text, out PixelEncoding encoding)
    {
        encoding = text switch
        {
            "rgb8" => PixelEncoding.Rgb8,
            "bgr8" => PixelEncoding.Bgr8,
            "rgba8" => PixelEncoding.Rgba8,
            "bgra8" => PixelEncoding.Bgra8,
            "mono8" or "8UC1" => PixelEncoding.Mono8,
            "16UC1" or "mono16" => PixelEncoding.Depth16U,
            "32FC1" => PixelEncoding.Depth32F,
            _ => PixelEncoding.None,
        };
        return encoding != PixelEncoding.None;
    }

    /// <summary>Bytes per pixel (0 for <see cref="PixelEncoding.None"/>).</summary>
    public static int BytesPerPixel(this PixelEncoding encoding) => encoding switch
    {
        PixelEncoding.Rgb8 or PixelEncoding.Bgr8 => 3,
        PixelEncoding.Rgba8 or PixelEncoding.Bgra8 or PixelEncoding.Depth32F => 4,
        PixelEncoding.Mono8 => 1,
        PixelEncoding.Depth16U => 2,
        _ => 0,
    };

    /// <summary>Whether the encoding is a single-channel depth image.</summary>
    public static bool IsDepth(this PixelEncoding encoding) =>
        encoding is PixelEncoding.Depth16U or PixelEncoding.Depth32F;
}
