using Apprentice.Safety.Blending;
using Apprentice.Safety.Filter;
using Apprentice.Safety.Tests.Support;

namespace Apprentice.Safety.Tests.Control;

public sealed class SafetyControllerTests
{
    [Test]
    public void Ood_observation_hands_the_command_to_the_planner_and_back_without_jumps()
    {
        var (controller, projector) = AllocationTests.PandaController();
        var ranges = AllocationTests.Scan();
        var q = Robots.PandaReady;
        double[] policy = [0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3];
        var output = new double[7];
        var alphas = new List<double>();
        for (var k = 0; k < 600; k++)
        {
            var now = TimeSpan.FromMilliseconds(10 * k);
            var points = projector.Project(ranges, -Math.PI, 2 * Math.PI / 1080, 0.05, 10);
            var ood = k is >= 300 and < 400 ? 30.0 : 0.5;
            var input = new SafetyTickInput(now, q, default, now) { InputStamps = [now], HeartbeatStamp = now, ObstaclePoints = points, ScanStamp = now };
            var report = controller.Tick(TimeSpan.FromMilliseconds(10), policy, InferenceStatus.Ok, ood, double.NaN, input, output);
            alphas.Add(report.Authority.Alpha);
            if (k == 399)
            {
                Assert.That(report.Authority.Alpha, Is.EqualTo(0));
                Assert.That(report.Authority.Reasons.HasFlag(AuthorityReason.OutOfDistribution), Is.True);
                Assert.That(controller.BlendedCommand.ToArray(), Is.EqualTo(controller.PlannerCommand.ToArray()), "planner dominates");
            }

            for (var i = 0; i < 7; i++)
            {
                q[i] += output[i] * 0.01;
            }
        }

        Assert.That(alphas[299], Is.EqualTo(1), "trust earned before the OOD episode");
        Assert.That(alphas[599], Is.GreaterThan(0.9), "and regained after it");
        Assert.That(alphas.Zip(alphas.Skip(1), (a, b) => Math.Abs(b - a)).Max(), Is.LessThanOrEqualTo((AuthorityOptions.Default.FallRatePerSec * 0.01) + 1e-12));
    }
}
