namespace Apprentice.Core.Preprocessing;

/// <summary>
/// How one camera input becomes a CHW float tensor: optional crop, bilinear resize (half-pixel
/// centres, as OpenCV <c>INTER_LINEAR</c> and PyTorch <c>align_corners=False</c>), scaling and
/// per-channel mean/std normalisation: <c>out = (pixel × scale − mean[c]) / std[c]</c>.
/// </summary>
public sealed record ImagePreprocessOptions
{
    /// <summary>Output width [px] (required, positive).</summary>
    public int OutputWidth { get; init; }

    /// <summary>Output height [px] (required, positive).</summary>
    public int OutputHeight { get; init; }

    /// <summary>Output channels: 3 (RGB order; mono is replicated) or 1 (grey/depth; colour becomes BT.601 luma). Default 3.</summary>
    public int OutputChannels { get; init; } = 3;

    /// <summary>Crop left edge [px] in the source image. Default 0.</summary>
    public int CropX { get; init; }

    /// <summary>Crop top edge [px]. Default 0.</summary>
    public int CropY { get; init; }

    /// <summary>Crop width [px]; 0 (default) means to the right edge of the image.</summary>
    public int CropWidth { get; init; }

    /// <summary>Crop height [px]; 0 (default) means to the bottom edge.</summary>
    public int CropHeight { get; init; }

    /// <summary>Scale applied to 8-bit pixel values before normalisation. Default 1/255.</summary>
    public float PixelScale { get; init; } = 1f / 255f;

    /// <summary>Metres per <c>16UC1</c> unit. Default 0.001 (millimetres, REP-118).</summary>
    public float DepthScaleMPerUnit { get; init; } = 0.001f;

    /// <summary>Value [m] written for invalid depth (0, NaN, ±inf, negative) before normalisation. Default 0.</summary>
    public float InvalidDepthM { get; init; }

    /// <summary>Per-channel mean (length <see cref="OutputChannels"/>), subtracted after scaling. Default zeros.</summary>
    public IReadOnlyList<float> Mean { get; init; } = [];

    /// <summary>Per-channel standard deviation (length <see cref="OutputChannels"/>, positive). Default ones.</summary>
    public IReadOnlyList<float> Std { get; init; } = [];

    /// <summary>Number of floats written: channels × height × width.</summary>
    public int OutputLength => OutputChannels * OutputHeight * OutputWidth;

    /// <summary>Throws <see cref="ConfigurationException"/> naming the first bad field (prefixed with <paramref name="field"/>).</summary>
    public void Validate(string field)
    {
        if (OutputWidth <= 0 || OutputHeight <= 0)
        {
            throw new ConfigurationException(field + ".output_size", "width and height must be positive (got " + OutputWidth + "×" + OutputHeight + ").");
        }

        if (OutputChannels is not (1 or 3))
        {
            throw new ConfigurationException(field + ".channels", "must be 1 or 3 (got " + OutputChannels + ").");
        }

        if (CropX < 0 || CropY < 0 || CropWidth < 0 || CropHeight < 0)
        {
            throw new ConfigurationException(field + ".crop", "crop offsets and sizes must not be negative.");
        }

        if (Mean.Count is not 0 && Mean.Count != OutputChannels)
        {
            throw new ConfigurationException(field + ".mean", "needs " + OutputChannels + " values (got " + Mean.Count + ").");
        }

        if (Std.Count is not 0 && Std.Count != OutputChannels)
        {
            throw new ConfigurationException(field + ".std", "needs " + OutputChannels + " values (got " + Std.Count + ").");
        }

        if (Std.Any(s => !(s > 0) || !float.IsFinite(s)))
        {
            throw new ConfigurationException(field + ".std", "every value must be positive and finite.");
        }
    }
}
