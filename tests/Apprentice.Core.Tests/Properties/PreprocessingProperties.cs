using Apprentice.Core.Observations;
using Apprentice.Core.Preprocessing;
using CsCheck;

namespace Apprentice.Core.Tests.Properties;

public sealed class PreprocessingProperties
{
    private static readonly Gen<float> Reading = Gen.OneOf(
        Gen.Float[0f, 40f], Gen.Float[0f, 40f], Gen.Float[0f, 40f],
        Gen.Const(float.NaN), Gen.Const(float.PositiveInfinity), Gen.Const(float.NegativeInfinity));

    [Test]
    public void Every_bin_is_within_range_and_no_larger_than_any_valid_reading_in_it()
    {
        Gen.Select(Reading.Array[1, 200], Gen.Float[-10f, 10f], Gen.Float[0.001f, 0.2f], Gen.Int[1, 64]).Sample((ranges, angleMin, increment, binCount) =>
        {
            var options = new AngularBinOptions { BinCount = binCount, RangeMinM = 0.3f, RangeMaxM = 12f };
            var box = new LaserScanBox("scan", 200, TimeSpan.FromSeconds(1));
            box.Write(default, default, new LaserScanGeometry(angleMin, angleMin + (increment * ranges.Length), increment, 0, 0, 0.1f, 30f), ranges, []);
            var scan = (LaserScanSample)((IObservationInput)box).AcquireLatest();
            var bins = new float[binCount];
            new AngularBinner(options).Bin(scan, bins);

            Assert.That(bins, Has.All.InRange(0.3f, 12f));
            for (var i = 0; i < ranges.Length; i++)
            {
                var r = ranges[i];
                if (!float.IsFinite(r) || r < 0.1f || r > 30f)
                {
                    continue;
                }

                var angle = (double)angleMin + (i * (double)increment);
                var offset = angle + Math.PI;
                offset -= 2 * Math.PI * Math.Floor(offset / (2 * Math.PI));
                var bin = (int)(offset / (2 * Math.PI) * binCount);
                if (bin >= 0 && bin < binCount && Math.Abs((offset / (2 * Math.PI) * binCount) - Math.Round(offset / (2 * Math.PI) * binCount)) > 1e-3)
                {
                    Assert.That(bins[bin], Is.LessThanOrEqualTo(Math.Clamp(r, 0.3f, 12f)));
                }
            }
        }, iter: 300);
    }

    [Test]
    public void Resizing_a_uniform_image_gives_a_uniform_tensor_for_any_sizes_and_crop()
    {
        Gen.Select(Gen.Int[1, 24], Gen.Int[1, 24], Gen.Int[1, 16], Gen.Int[1, 16], Gen.Byte, Gen.Int[0, 3]).Sample((w, h, outW, outH, value, crop) =>
        {
            var cropX = Math.Min(crop, w - 1);
            var cropY = Math.Min(crop, h - 1);
            var data = new byte[w * h * 3];
            Array.Fill(data, value);
            var options = new ImagePreprocessOptions { OutputWidth = outW, OutputHeight = outH, CropX = cropX, CropY = cropY, PixelScale = 1f };
            var output = new float[options.OutputLength];
            Assert.That(new ImagePreprocessor(options).Process(new ImageView(data, w, h, w * 3, PixelEncoding.Rgb8), output), Is.EqualTo(PreprocessStatus.Ok));
            Assert.That(output, Has.All.EqualTo((float)value).Within(1e-3f));
        }, iter: 300);
    }
}
