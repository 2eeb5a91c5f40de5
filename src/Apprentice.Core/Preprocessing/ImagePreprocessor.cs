using System.Buffers.Binary;
using Apprentice.Core.Observations;

namespace Apprentice.Core.Preprocessing;

/// <summary>
/// Crops, resizes and normalises a raw image into a preallocated CHW float tensor. Colour and mono
/// images are resized bilinearly; depth images by nearest neighbour, because interpolating across a
/// depth edge invents surfaces that are not there.
/// </summary>
/// <remarks>
/// Resampling tables are built at construction and rebuilt only when the source size changes.
/// <see cref="Process"/> is allocation-free; one thread at a time.
/// </remarks>
public sealed class ImagePreprocessor
{
    private readonly ImagePreprocessOptions _options;
    private readonly float[] _mean;
    private readonly float[] _invStd;
    private readonly ResampleAxis _xAxis;
    private readonly ResampleAxis _yAxis;

    /// <summary>Validates <paramref name="options"/> and preallocates the tables.</summary>
    public ImagePreprocessor(ImagePreprocessOptions options, string field = "image")
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(field);
        _options = options;
        _mean = new float[options.OutputChannels];
        _invStd = new float[options.OutputChannels];
        for (var c = 0; c < options.OutputChannels; c++)
        {
            _mean[c] = options.Mean.Count == 0 ? 0f : options.Mean[c];
            _invStd[c] = options.Std.Count == 0 ? 1f : 1f / options.Std[c];
        }

        _xAxis = new ResampleAxis(options.OutputWidth);
        _yAxis = new ResampleAxis(options.OutputHeight);
    }

    /// <summary>The options.</summary>
    public ImagePreprocessOptions Options => _options;

    /// <summary>Writes the tensor for <paramref name="image"/> into <paramref name="output"/> (length <see cref="ImagePreprocessOptions.OutputLength"/>).</summary>
    public PreprocessStatus Process(in ImageView image, Span<float> output)
    {
        if (output.Length != _options.OutputLength)
        {
            return PreprocessStatus.WrongOutputLength;
        }

        if (!image.IsWellFormed)
        {
            return PreprocessStatus.Malformed;
        }

        var cropW = _options.CropWidth == 0 ? image.Width - _options.CropX : _options.CropWidth;
        var cropH = _options.CropHeight == 0 ? image.Height - _options.CropY : _options.CropHeight;
        if (cropW <= 0 || cropH <= 0 || _options.CropX + cropW > image.Width || _options.CropY + cropH > image.Height)
        {
            return PreprocessStatus.CropOutsideImage;
        }

        _xAxis.Prepare(cropW);
        _yAxis.Prepare(cropH);
        if (image.Encoding.IsDepth())
        {
            if (_options.OutputChannels != 1)
            {
                return PreprocessStatus.UnsupportedEncoding;
            }

            ProcessDepth(image, output);
        }
        else if (cropW == _options.OutputWidth && cropH == _options.OutputHeight
                 && (_options.OutputChannels == 3 || image.Encoding == PixelEncoding.Mono8))
        {
            ProcessColourUnscaled(image, output);
        }
        else
        {
            ProcessColour(image, output);
        }

        return PreprocessStatus.Ok;
    }

    private void ProcessColour(in ImageView image, Span<float> output)
    {
        var bpp = image.Encoding.BytesPerPixel();
        var (r, g, b) = image.Encoding switch
        {
            PixelEncoding.Bgr8 or PixelEncoding.Bgra8 => (2, 1, 0),
            PixelEncoding.Mono8 => (0, 0, 0),
            _ => (0, 1, 2),
        };
        var luma = _options.OutputChannels == 1 && image.Encoding != PixelEncoding.Mono8;
        int outW = _options.OutputWidth, outH = _options.OutputHeight, plane = outW * outH;
        Span<int> offsets = [r, g, b];
        var scale = _options.PixelScale;
        for (var y = 0; y < outH; y++)
        {
            var row0 = image.Data[((_options.CropY + _yAxis.Lower[y]) * image.Step)..];
            var row1 = image.Data[((_options.CropY + _yAxis.Upper[y]) * image.Step)..];
            var fy = _yAxis.Fraction[y];
            for (var x = 0; x < outW; x++)
            {
                var c0 = (_options.CropX + _xAxis.Lower[x]) * bpp;
                var c1 = (_options.CropX + _xAxis.Upper[x]) * bpp;
                var fx = _xAxis.Fraction[x];
                for (var c = 0; c < _options.OutputChannels; c++)
                {
                    float p00, p01, p10, p11;
                    if (luma)
                    {
                        p00 = Luma(row0, c0, r, g, b);
                        p01 = Luma(row0, c1, r, g, b);
                        p10 = Luma(row1, c0, r, g, b);
                        p11 = Luma(row1, c1, r, g, b);
                    }
                    else
                    {
                        var o = offsets[c];
                        p00 = row0[c0 + o];
                        p01 = row0[c1 + o];
                        p10 = row1[c0 + o];
                        p11 = row1[c1 + o];
                    }

                    var top = p00 + ((p01 - p00) * fx);
                    var bottom = p10 + ((p11 - p10) * fx);
                    var value = (top + ((bottom - top) * fy)) * scale;
                    output[(c * plane) + (y * outW) + x] = (value - _mean[c]) * _invStd[c];
                }
            }
        }
    }

    /// <summary>
    /// The common case of a camera already at the model's resolution: bilinear weights are all
    /// zero, so each output is one scaled, normalised input byte (HWC → CHW), with no resampling.
    /// </summary>
    private void ProcessColourUnscaled(in ImageView image, Span<float> output)
    {
        var bpp = image.Encoding.BytesPerPixel();
        var (r, g, b) = image.Encoding switch
        {
            PixelEncoding.Bgr8 or PixelEncoding.Bgra8 => (2, 1, 0),
            PixelEncoding.Mono8 => (0, 0, 0),
            _ => (0, 1, 2),
        };
        int outW = _options.OutputWidth, outH = _options.OutputHeight, plane = outW * outH, channels = _options.OutputChannels;
        if (channels == 3)
        {
            ProcessThreeChannelsUnscaled(image, output, bpp, r, g, b);
            return;
        }

        Span<int> offsets = [r, g, b];
        for (var c = 0; c < channels; c++)
        {
            var gain = _options.PixelScale * _invStd[c];
            var bias = -_mean[c] * _invStd[c];
            var o = offsets[c];
            var dst = output.Slice(c * plane, plane);
            for (var y = 0; y < outH; y++)
            {
                var row = image.Data.Slice(((_options.CropY + y) * image.Step) + (_options.CropX * bpp) + o);
                var line = dst.Slice(y * outW, outW);
                for (var x = 0; x < line.Length; x++)
                {
                    line[x] = (row[x * bpp] * gain) + bias;
                }
            }
        }
    }

    /// <summary>One pass over each source row writing the three CHW planes: every pixel is read once.</summary>
    private void ProcessThreeChannelsUnscaled(in ImageView image, Span<float> output, int bpp, int r, int g, int b)
    {
        int outW = _options.OutputWidth, outH = _options.OutputHeight, plane = outW * outH;
        float scale = _options.PixelScale, g0 = scale * _invStd[0], g1 = scale * _invStd[1], g2 = scale * _invStd[2];
        float b0 = -_mean[0] * _invStd[0], b1 = -_mean[1] * _invStd[1], b2 = -_mean[2] * _invStd[2];
        var red = output[..plane];
        var green = output.Slice(plane, plane);
        var blue = output.Slice(2 * plane, plane);
        for (var y = 0; y < outH; y++)
        {
            var row = image.Data.Slice(((_options.CropY + y) * image.Step) + (_options.CropX * bpp), outW * bpp);
            var o0 = red.Slice(y * outW, outW);
            var o1 = green.Slice(y * outW, outW);
            var o2 = blue.Slice(y * outW, outW);
            for (int x = 0, i = 0; x < o0.Length; x++, i += bpp)
            {
                o0[x] = (row[i + r] * g0) + b0;
                o1[x] = (row[i + g] * g1) + b1;
                o2[x] = (row[i + b] * g2) + b2;
            }
        }
    }

    private static float Luma(ReadOnlySpan<byte> row, int col, int r, int g, int b) =>
        (0.299f * row[col + r]) + (0.587f * row[col + g]) + (0.114f * row[col + b]);

    private void ProcessDepth(in ImageView image, Span<float> output)
    {
        int outW = _options.OutputWidth, outH = _options.OutputHeight;
        var bpp = image.Encoding.BytesPerPixel();
        for (var y = 0; y < outH; y++)
        {
            var row = image.Data[((_options.CropY + _yAxis.Nearest[y]) * image.Step)..];
            for (var x = 0; x < outW; x++)
            {
                var at = (_options.CropX + _xAxis.Nearest[x]) * bpp;
                var metres = ReadDepth(image, row[at..]);
                output[(y * outW) + x] = (metres - _mean[0]) * _invStd[0];
            }
        }
    }

    private float ReadDepth(in ImageView image, ReadOnlySpan<byte> pixel)
    {
        float metres;
        if (image.Encoding == PixelEncoding.Depth16U)
        {
            var raw = image.IsBigEndian ? BinaryPrimitives.ReadUInt16BigEndian(pixel) : BinaryPrimitives.ReadUInt16LittleEndian(pixel);
            metres = raw * _options.DepthScaleMPerUnit;
        }
        else
        {
            var bits = image.IsBigEndian ? BinaryPrimitives.ReadInt32BigEndian(pixel) : BinaryPrimitives.ReadInt32LittleEndian(pixel);
            metres = BitConverter.Int32BitsToSingle(bits);
        }

        return float.IsFinite(metres) && metres > 0 ? metres : _options.InvalidDepthM;
    }
}
