using Apprentice.Safety.Filter;
using Apprentice.Safety.Tests.Support;
using CsCheck;

namespace Apprentice.Safety.Tests.Filter;

/// <summary>Closed-loop rollouts: every limit holds tick after tick as the state evolves under the filter's own output.</summary>
public sealed class SmoothOperationTests
{
    [Test]
    public void Rollouts_keep_every_limit_and_relax_jerk_only_when_reported()
    {
        var relaxedTicks = 0;
        var totalTicks = 0;
        Gen.Int.Sample(seed =>
        {
            var c = new Cases(seed);
            var n = c.Int(1, 8);
            var limits = c.Limits(n);
            var q = c.Positions(limits, 0.01);
            var filter = new SafetyFilter(new SafetyFilterOptions { Limits = limits, PositionMargin = 0.01 });
            var output = new double[n];
            var previous = new double[n];
            var previousAcc = new double[n];
            var cmd = c.Commands(limits).Select(x => double.IsFinite(x) ? x : 0).ToArray();
            const double dt = 0.005;
            for (var k = 0; k < 400; k++)
            {
                if (k % 50 == 0)
                {
                    cmd = c.Commands(limits).Select(x => double.IsFinite(x) ? Math.Clamp(x, -2 * limits[0].MaxVelocity, 2 * limits[0].MaxVelocity) : 0).ToArray();
                }

                var now = TimeSpan.FromSeconds(k * dt);
                var report = filter.Update(new SafetyTickInput(now, q, cmd, now), TimeSpan.FromTicks(50_000), output);
                totalTicks++;
                for (var i = 0; i < n; i++)
                {
                    var l = limits[i];
                    var acc = (output[i] - previous[i]) / dt;
                    Assert.That(Math.Abs(output[i]), Is.LessThanOrEqualTo(l.MaxVelocity + 1e-9));
                    Assert.That(Math.Abs(acc), Is.LessThanOrEqualTo(Math.Max(l.MaxAcceleration, l.MaxDeceleration) + 1e-6));
                    if (Math.Abs(acc - previousAcc[i]) > (l.MaxJerk * dt * (1 + 1e-6)))
                    {
                        Assert.That(report.Status.HasFlag(SafetyStatus.JerkLimitRelaxed), Is.True);
                        relaxedTicks++;
                    }

                    q[i] += output[i] * dt;
                    Assert.That(q[i], Is.InRange(l.MinPosition + 0.01 - 1e-9, l.MaxPosition - 0.01 + 1e-9), "stays inside the position limits less the margin");
                    previousAcc[i] = acc;
                    previous[i] = output[i];
                }
            }
        }, iter: 300, threads: 1);
        TestContext.Out.WriteLine($"jerk relaxed on {relaxedTicks} of {totalTicks} axis-ticks");
        Assert.That(relaxedTicks, Is.LessThan(totalTicks / 100), "jerk is relaxed only rarely (to honour a hard limit)");
    }
}
