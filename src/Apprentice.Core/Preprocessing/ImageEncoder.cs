using Apprentice.Core.Observations;

namespace Apprentice.Core.Preprocessing;

/// <summary>
/// A camera input into a CHW tensor through an <see cref="ImagePreprocessor"/>; compressed frames
/// are first decoded by an <see cref="IImageDecoder"/> into a preallocated rgb8 buffer.
/// </summary>
public sealed class ImageEncoder : IObservationEncoder
{
    private readonly ImageBox _box;
    private readonly ImagePreprocessor _preprocessor;
    private readonly Memory<float> _target;
    private readonly IImageDecoder? _decoder;
    private readonly byte[] _decoded;

    /// <summary>Creates the encoder; <paramref name="decoder"/> is needed only for compressed topics.</summary>
    /// <param name="tensorName">Policy input name.</param>
    /// <param name="box">The camera box.</param>
    /// <param name="preprocessor">Crop/resize/normalise settings.</param>
    /// <param name="target">Output tensor (length <see cref="ImagePreprocessOptions.OutputLength"/>).</param>
    /// <param name="decoder">Decoder for compressed frames, or null.</param>
    /// <param name="maxDecodedPixels">Largest decoded image [px] (buffer of 3 bytes per pixel allocated now). Default 1920×1080.</param>
    public ImageEncoder(string tensorName, ImageBox box, ImagePreprocessor preprocessor, Memory<float> target, IImageDecoder? decoder = null, int maxDecodedPixels = 1920 * 1080)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(preprocessor);
        if (target.Length != preprocessor.Options.OutputLength)
        {
            throw new ConfigurationException(tensorName, "image tensor needs " + preprocessor.Options.OutputLength + " floats but the buffer has " + target.Length + ".");
        }

        TensorName = tensorName;
        _box = box;
        _preprocessor = preprocessor;
        _target = target;
        _decoder = decoder;
        _decoded = decoder is null ? [] : new byte[maxDecodedPixels * 3];
    }

    /// <inheritdoc />
    public string TensorName { get; }

    /// <inheritdoc />
    public PreprocessStatus Encode(ObservationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var frame = snapshot.Get(_box);
        if (frame.Compression == CompressedFormat.None)
        {
            return _preprocessor.Process(ImageView.Of(frame), _target.Span);
        }

        if (_decoder is null || !_decoder.TryDecode(frame.Data, frame.Compression, _decoded, out var width, out var height))
        {
            return PreprocessStatus.DecodeFailed;
        }

        var view = new ImageView(_decoded.AsSpan(0, width * height * 3), width, height, width * 3, PixelEncoding.Rgb8);
        return _preprocessor.Process(view, _target.Span);
    }

    /// <inheritdoc />
    public void Reset()
    {
    }
}
