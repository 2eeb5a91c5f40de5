using Apprentice.Core.Observations;
using Apprentice.Core.Preprocessing;

namespace Apprentice.Core.Tests.Preprocessing;

public sealed class AngularBinnerTests
{
    private static readonly AngularBinOptions FourBins = new() { BinCount = 4, RangeMinM = 0.2f, RangeMaxM = 5f };

    private static LaserScanSample Scan(float angleMin, float increment, params float[] ranges)
    {
        var box = new LaserScanBox("scan", 64, TimeSpan.FromSeconds(1));
        box.Write(default, default, new LaserScanGeometry(angleMin, angleMin + (increment * (ranges.Length - 1)), increment, 0, 0.1f, 0.1f, 30f), ranges, []);
        return (LaserScanSample)((IObservationInput)box).AcquireLatest();
    }

    [Test]
    public void Scan_readings_follow_rep117_and_are_min_pooled_per_bin()
    {
        // Two readings per bin (bins: [−π,−π/2), [−π/2,0), [0,π/2), [π/2,π)).
        var scan = Scan(-MathF.PI + 0.1f, MathF.PI / 4,
            3.0f, 2.0f,                                       // min-pooled → 2
            float.NaN, float.PositiveInfinity,                // NaN ignored, +inf = nothing within range → max
            float.NegativeInfinity, 4.0f,                     // −inf = too close → min
            0.05f, 50f);                                      // outside the scanner's own range: invalid, ignored → empty → max
        var bins = new float[4];
        Assert.That(new AngularBinner(FourBins).Bin(scan, bins), Is.EqualTo(PreprocessStatus.Ok));
        Assert.That(bins, Is.EqualTo(new[] { 2.0f, 5.0f, 0.2f, 5.0f }).Within(1e-6f));
    }

    [Test]
    public void Valid_readings_are_clipped_to_the_configured_range()
    {
        var scan = Scan(0.1f, MathF.PI / 2, 7.0f, 0.15f);
        var bins = new float[4];
        new AngularBinner(FourBins).Bin(scan, bins);
        Assert.That(bins, Is.EqualTo(new[] { 5f, 5f, 5f, 0.2f }).Within(1e-6f));
    }

    [Test]
    public void Scan_angles_outside_minus_pi_to_pi_wrap_into_the_bins()
    {
        var scan = Scan(0f, MathF.PI * 1.5f, 1.0f, 2.0f); // angles 0 and 3π/2 ≡ −π/2
        var bins = new float[4];
        new AngularBinner(FourBins).Bin(scan, bins);
        Assert.That(bins, Is.EqualTo(new[] { 5f, 2f, 1f, 5f }).Within(1e-6f));
    }

    [Test]
    public void Readings_outside_a_partial_field_of_view_are_ignored()
    {
        var options = new AngularBinOptions { BinCount = 2, AngleMinRad = -MathF.PI / 2, AngleMaxRad = MathF.PI / 2, RangeMaxM = 10f };
        var scan = Scan(-0.5f, 1.0f, 1.0f, 2.0f, 3.0f); // −0.5, 0.5, 2.5 (behind)
        var bins = new float[2];
        new AngularBinner(options).Bin(scan, bins);
        Assert.That(bins, Is.EqualTo(new[] { 1f, 2f }).Within(1e-6f));
    }

    [Test]
    public void A_reused_binner_follows_a_change_of_scan_geometry()
    {
        // The binner caches the beam-to-bin map of the last geometry; a new geometry must rebuild it.
        var reused = new AngularBinner(FourBins);
        var first = Scan(-MathF.PI + 0.1f, MathF.PI / 4, 1f, 2f, 3f, 4f, 1.5f, 2.5f, 3.5f, 4.5f);
        var second = Scan(0.1f, MathF.PI / 2, 1f, 2f, 3f);
        var third = Scan(0.1f, MathF.PI / 2, 4f, 3f, 2f, 1f);
        foreach (var scan in new[] { first, second, first, third })
        {
            var expected = new float[4];
            var actual = new float[4];
            new AngularBinner(FourBins).Bin(scan, expected);
            reused.Bin(scan, actual);
            Assert.That(actual, Is.EqualTo(expected));
        }
    }

    [Test]
    public void Point_cloud_is_binned_from_x_y_within_the_z_band_ignoring_nan_points()
    {
        var options = FourBins with { MinZM = -1f, MaxZM = 1f };
        float[] xyz =
        [
            1f, 0f, 0f,              // angle 0 → bin 2, range 1
            0f, -2f, 0f,             // angle −π/2 → bin 1, range 2
            float.NaN, 0f, 0f,       // ignored
            -3f, 0.001f, 5f,         // above the z band → ignored
            -1f, -1f, 0.5f,          // angle −3π/4 → bin 0, range √2
        ];
        var bins = new float[4];
        new AngularBinner(options).Bin(xyz, bins);
        Assert.That(bins, Is.EqualTo(new[] { MathF.Sqrt(2f), 2f, 1f, 5f }).Within(1e-5f));
    }

    [Test]
    public void Bad_options_are_configuration_errors()
    {
        Assert.Throws<ConfigurationException>(() => _ = new AngularBinner(new AngularBinOptions { BinCount = 0, RangeMaxM = 1 }));
        Assert.Throws<ConfigurationException>(() => _ = new AngularBinner(new AngularBinOptions { BinCount = 4, RangeMaxM = 0 }));
        Assert.Throws<ConfigurationException>(() => _ = new AngularBinner(new AngularBinOptions { BinCount = 4, RangeMaxM = 1, AngleMinRad = 1, AngleMaxRad = 0 }));
    }
}
