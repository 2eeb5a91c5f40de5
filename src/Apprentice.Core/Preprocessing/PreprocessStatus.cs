namespace Apprentice.Core.Preprocessing;

/// <summary>Result of preprocessing one input; anything but <see cref="Ok"/> makes the tick's inputs unusable.</summary>
public enum PreprocessStatus
{
    /// <summary>Tensor written.</summary>
    Ok,

    /// <summary>The image encoding cannot produce the requested channels (for example colour into depth).</summary>
    UnsupportedEncoding,

    /// <summary>Sizes, stride or data length are inconsistent.</summary>
    Malformed,

    /// <summary>The crop rectangle does not lie inside the image.</summary>
    CropOutsideImage,

    /// <summary>A compressed image could not be decoded (no decoder, corrupt data, too large).</summary>
    DecodeFailed,

    /// <summary>The destination span has the wrong length.</summary>
    WrongOutputLength,
}
