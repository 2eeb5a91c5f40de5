using Apprentice.Safety.Blending;
using CsCheck;

namespace Apprentice.Safety.Tests.Blending;

public sealed class AuthorityBlenderTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private static readonly float[] Mean = [0.5f, -1f, 2f, 0f];
    private static readonly float[] Std = [0.1f, 0.5f, 1f, 0.2f];

    [Test]
    public void Ood_observation_makes_alpha_fall_and_the_planner_dominate()
    {
        var blender = new AuthorityBlender(initialAlpha: 1);
        float[] inDist = [0.52f, -1.1f, 2.5f, 0.1f];
        float[] ood = [1.5f, 2f, -4f, 1f];
        double[] policy = [1, 1, 1, 1];
        double[] planner = [-1, -1, -1, -1];
        var output = new double[4];
        for (var k = 0; k < 50; k++)
        {
            var r = blender.Update(Tick, InferenceStatus.Ok, OodScore.MeanSquaredZ(inDist, Mean, Std));
            Assert.That(r.Alpha, Is.EqualTo(1), "in distribution the policy keeps full authority");
        }

        var previous = 1.0;
        AuthorityReport report = default;
        for (var k = 0; k < 50; k++)
        {
            report = blender.Update(Tick, InferenceStatus.Ok, OodScore.MeanSquaredZ(ood, Mean, Std));
            Assert.That(previous - report.Alpha, Is.LessThanOrEqualTo((AuthorityOptions.Default.FallRatePerSec * 0.01) + 1e-12), "never jumps");
            previous = report.Alpha;
        }

        Assert.That(report.Alpha, Is.EqualTo(0));
        Assert.That(report.Reasons.HasFlag(AuthorityReason.OutOfDistribution), Is.True);
        Assert.That(AuthorityReasonText.Describe(report.Reasons), Does.Contain("out of the training distribution"));
        AuthorityBlender.Blend(report.Alpha, policy, planner, output);
        Assert.That(output, Is.EqualTo(planner), "planner dominates");
    }

    [TestCase(InferenceStatus.Late, AuthorityReason.InferenceLate)]
    [TestCase(InferenceStatus.Invalid, AuthorityReason.InferenceInvalid)]
    [TestCase(InferenceStatus.Missing, AuthorityReason.InferenceMissing)]
    public void Failed_inference_drives_alpha_to_zero_smoothly(InferenceStatus status, AuthorityReason reason)
    {
        var blender = new AuthorityBlender(initialAlpha: 1);
        var r = blender.Update(Tick, status, 0);
        Assert.That(r.TargetAlpha, Is.EqualTo(0));
        Assert.That(r.Alpha, Is.EqualTo(1 - (AuthorityOptions.Default.FallRatePerSec * 0.01)).Within(1e-12));
        Assert.That(r.Reasons.HasFlag(reason) && r.Reasons.HasFlag(AuthorityReason.RateLimited), Is.True);
    }

    [Test]
    public void Alpha_stays_in_range_and_never_moves_faster_than_its_rate_limits()
    {
        var statuses = Enum.GetValues<InferenceStatus>();
        Gen.Select(Gen.Int[0, statuses.Length - 1].Array[200], Gen.Double[0, 20].Array[200], Gen.Double[0, 0.5].Array[200], Gen.Int[1, 50]).Sample((st, ood, ens, ms) =>
        {
            var blender = new AuthorityBlender();
            var period = TimeSpan.FromMilliseconds(ms);
            var previous = blender.Alpha;
            for (var k = 0; k < 200; k++)
            {
                var r = blender.Update(period, statuses[st[k]], ood[k], ens[k]);
                Assert.That(r.Alpha, Is.InRange(0.0, 1.0));
                Assert.That(r.Alpha - previous, Is.LessThanOrEqualTo((AuthorityOptions.Default.RiseRatePerSec * ms / 1000) + 1e-12));
                Assert.That(previous - r.Alpha, Is.LessThanOrEqualTo((AuthorityOptions.Default.FallRatePerSec * ms / 1000) + 1e-12));
                if (statuses[st[k]] != InferenceStatus.Ok)
                {
                    Assert.That(r.TargetAlpha, Is.EqualTo(0));
                }

                previous = r.Alpha;
            }
        }, iter: 500);
    }

    [Test]
    public void Invalid_policy_values_are_never_mixed_into_the_command()
    {
        var output = new double[2];
        var applied = AuthorityBlender.Blend(0.7, [double.NaN, 1], [0.2, 0.3], output);
        Assert.That(applied, Is.EqualTo(0));
        Assert.That(output, Is.EqualTo(new[] { 0.2, 0.3 }));
        applied = AuthorityBlender.Blend(0.25, [1, 1], [0, 0], output);
        Assert.That(applied, Is.EqualTo(0.25));
        Assert.That(output, Is.EqualTo(new[] { 0.25, 0.25 }));
    }

    [Test]
    public void Scores_are_about_one_in_distribution_and_infinite_for_bad_observations()
    {
        var rng = new Random(5);
        var samples = Enumerable.Range(0, 2000).Select(_ => OodScore.MeanSquaredZ(
            Mean.Select((m, i) => (float)(m + (Std[i] * Gaussian(rng)))).ToArray(), Mean, Std)).Average();
        Assert.That(samples, Is.EqualTo(1).Within(0.1));
        Assert.That(OodScore.MeanSquaredZ([float.NaN, 0, 0, 0], Mean, Std), Is.EqualTo(double.PositiveInfinity));
        Assert.That(OodScore.MeanSquaredZ([0, 0], Mean, Std), Is.EqualTo(double.PositiveInfinity));
        Assert.That(OodScore.EnsembleSpread([1, 2, 1, 2], 2), Is.EqualTo(0));
        Assert.That(OodScore.EnsembleSpread([0, 0, 2, 2], 2), Is.EqualTo(1).Within(1e-12));
        var blender = new AuthorityBlender(initialAlpha: 1);
        Assert.That(blender.Update(Tick, InferenceStatus.Ok, double.PositiveInfinity).Reasons.HasFlag(AuthorityReason.InvalidObservation), Is.True);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
