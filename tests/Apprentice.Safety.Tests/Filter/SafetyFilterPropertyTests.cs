using Apprentice.Safety.Filter;
using Apprentice.Safety.Limits;
using Apprentice.Safety.Tests.Support;
using CsCheck;

namespace Apprentice.Safety.Tests.Filter;

/// <summary>Properties of the filter over thousands of random limits, states and commands.</summary>
public sealed class SafetyFilterPropertyTests
{
    private const double Margin = 0.01;
    private const double Eps = 1e-9;
    private static readonly TimeSpan Now = TimeSpan.FromSeconds(100);

    private sealed record Tick(JointLimits[] Limits, double[] Q, double[] VPrev, double[] APrev, double[] Command, double Dt, double[] Out, FilterReport Report, bool JerkAware);

    private static Tick Run(int seed, bool jerkAware = true, double speedOverride = 1)
    {
        var c = new Cases(seed);
        var n = c.Int(1, 8);
        var limits = c.Limits(n);
        var q = c.Positions(limits, Margin);
        var v = c.ReachableVelocities(limits, q, Margin, jerkAware);
        var a = c.Accelerations(limits);
        var cmd = c.Commands(limits);
        var period = TimeSpan.FromTicks((long)c.Uniform(10_000, 500_000));
        var dt = period.TotalSeconds;
        var filter = new SafetyFilter(new SafetyFilterOptions { Limits = limits, PositionMargin = Margin, JerkAwareBraking = jerkAware });
        filter.Reset(v, a);
        var output = new double[n];
        var stamp = c.Chance(0.05) ? Now - TimeSpan.FromSeconds(1) : Now;
        var report = filter.Update(new SafetyTickInput(Now, q, cmd, stamp) { SpeedOverride = speedOverride }, period, output);
        return new Tick(limits, q, v, a, cmd, dt, output, report, jerkAware);
    }

    [Test]
    public void Output_never_exceeds_velocity_limits()
    {
        Gen.Int.Sample(seed =>
        {
            var t = Run(seed);
            for (var i = 0; i < t.Out.Length; i++)
            {
                Assert.That(Math.Abs(t.Out[i]), Is.LessThanOrEqualTo(t.Limits[i].MaxVelocity + Eps));
                Assert.That(double.IsFinite(t.Out[i]), Is.True);
            }
        }, iter: 5000);
    }

    [Test]
    public void Output_can_always_brake_before_position_limits_after_the_step([Values] bool jerkAware)
    {
        Gen.Int.Sample(seed =>
        {
            var t = Run(seed, jerkAware);
            for (var i = 0; i < t.Out.Length; i++)
            {
                var l = t.Limits[i];
                if (!double.IsFinite(l.MaxPosition))
                {
                    continue;
                }

                var qNext = t.Q[i] + (t.Out[i] * t.Dt);
                var ramp = jerkAware && double.IsFinite(l.MaxJerk) ? l.MaxDeceleration / l.MaxJerk : 0;
                var v = Math.Abs(t.Out[i]);
                var remaining = t.Out[i] > 0 ? l.MaxPosition - Margin - qNext : qNext - (l.MinPosition + Margin);
                Assert.That((v * v / (2 * l.MaxDeceleration)) + (v * ramp), Is.LessThanOrEqualTo(remaining + 1e-7), $"axis {i}: v={t.Out[i]} q'={qNext}");
            }
        }, iter: 5000);
    }

    [Test]
    public void Output_respects_acceleration_and_deceleration_limits()
    {
        Gen.Int.Sample(seed =>
        {
            var t = Run(seed);
            for (var i = 0; i < t.Out.Length; i++)
            {
                var l = t.Limits[i];
                var (v0, v1) = (t.VPrev[i], t.Out[i]);
                var tol = 1e-9 * (1 + Math.Abs(v0));
                if (Math.Sign(v0) == Math.Sign(v1) || v0 == 0 || v1 == 0)
                {
                    var limit = Math.Abs(v1) > Math.Abs(v0) ? l.MaxAcceleration : l.MaxDeceleration;
                    Assert.That(Math.Abs(v1 - v0), Is.LessThanOrEqualTo((limit * t.Dt) + tol), $"axis {i}");
                }
                else
                {
                    // Through zero: brake at most MaxDeceleration, then speed up at most MaxAcceleration.
                    Assert.That((Math.Abs(v0) / l.MaxDeceleration) + (Math.Abs(v1) / l.MaxAcceleration), Is.LessThanOrEqualTo(t.Dt + 1e-9), $"axis {i}");
                }
            }
        }, iter: 5000);
    }

    [Test]
    public void Jerk_is_exceeded_only_when_a_hard_limit_required_it_and_then_it_is_reported()
    {
        Gen.Int.Sample(seed =>
        {
            var t = Run(seed);
            for (var i = 0; i < t.Out.Length; i++)
            {
                var jerk = Math.Abs(((t.Out[i] - t.VPrev[i]) / t.Dt) - t.APrev[i]) / t.Dt;
                if (jerk > t.Limits[i].MaxJerk * (1 + 1e-6))
                {
                    Assert.That(t.Report.Status.HasFlag(SafetyStatus.JerkLimitRelaxed), Is.True, $"axis {i}: jerk {jerk} > {t.Limits[i].MaxJerk} unreported");
                }
            }
        }, iter: 5000);
    }

    [Test]
    public void Halt_from_any_state_decelerates_smoothly_to_zero_within_the_deceleration_limits()
    {
        Gen.Int.Sample(seed =>
        {
            var c = new Cases(seed);
            var n = c.Int(1, 8);
            var limits = c.Limits(n);
            var q = c.Positions(limits, Margin);
            var v = c.ReachableVelocities(limits, q, Margin, true);
            var a = c.Accelerations(limits);
            var period = TimeSpan.FromTicks((long)c.Uniform(10_000, 200_000));
            var dt = period.TotalSeconds;
            var filter = new SafetyFilter(new SafetyFilterOptions { Limits = limits, PositionMargin = Margin });
            filter.Reset(v, a);
            var output = new double[n];
            var previous = (double[])v.Clone();
            var bound = limits.Select((l, i) => (Math.Abs(v[i]) / l.MaxDeceleration) + (double.IsFinite(l.MaxJerk) ? 2 * l.MaxDeceleration / l.MaxJerk : 0)).Max();
            var ticks = (int)Math.Ceiling(bound / dt) + 20;
            for (var k = 0; k < ticks; k++)
            {
                var report = filter.Update(new SafetyTickInput(Now, q, new double[n], TimeSpan.MinValue), period, output);
                Assert.That(report.Halting, Is.True);
                Assert.That(report.Status.HasFlag(SafetyStatus.StaleCommand), Is.True);
                for (var i = 0; i < n; i++)
                {
                    Assert.That(Math.Abs(output[i]), Is.LessThanOrEqualTo(Math.Abs(previous[i]) + Eps), "never speeds up");
                    Assert.That(output[i] * previous[i], Is.GreaterThanOrEqualTo(0), "never reverses");
                    Assert.That(Math.Abs(output[i] - previous[i]), Is.LessThanOrEqualTo((limits[i].MaxDeceleration * dt) + 1e-9), "within deceleration");
                    q[i] += output[i] * dt;
                }

                output.CopyTo(previous, 0);
            }

            Assert.That(output.Max(Math.Abs), Is.LessThan(1e-6), "stopped");
        }, iter: 2000);
    }

    [Test]
    public void Override_above_one_changes_nothing_and_never_loosens()
    {
        Gen.Int.Sample(seed =>
        {
            var baseline = Run(seed, speedOverride: 1);
            var above = Run(seed, speedOverride: 1 + (seed & 0xff));
            Assert.That(above.Out, Is.EqualTo(baseline.Out));
            var nan = Run(seed, speedOverride: double.NaN);
            var zero = Run(seed, speedOverride: 0);
            Assert.That(nan.Out, Is.EqualTo(zero.Out), "NaN acts as zero");
        }, iter: 2000);
    }

    [Test]
    public void Overridden_output_never_exceeds_the_overridden_velocity_limits()
    {
        Gen.Select(Gen.Int, Gen.Double[0, 1]).Sample((seed, f) =>
        {
            var c = new Cases(seed);
            var n = c.Int(1, 8);
            var limits = c.Limits(n);
            var q = c.Positions(limits, Margin);
            var v = c.ReachableVelocities(limits, q, Margin, true).Select((x, i) => Math.Clamp(x, -f * limits[i].MaxVelocity, f * limits[i].MaxVelocity)).ToArray();
            var cmd = c.Commands(limits).Select(x => double.IsFinite(x) ? x : 0).ToArray();
            var filter = new SafetyFilter(new SafetyFilterOptions { Limits = limits, PositionMargin = Margin });
            filter.Reset(v);
            var output = new double[n];
            for (var k = 0; k < 20; k++)
            {
                var report = filter.Update(new SafetyTickInput(Now, q, cmd, Now) { SpeedOverride = f }, TimeSpan.FromMilliseconds(10), output);
                for (var i = 0; i < n; i++)
                {
                    Assert.That(Math.Abs(output[i]), Is.LessThanOrEqualTo((f * limits[i].MaxVelocity) + Eps), $"tick {k} axis {i} prev {filter.LastOutput.ToArray()[i]} v0 {v[i]} cmd {cmd[i]} f {f} status {report.Status} limits {limits[i]}");
                    q[i] += output[i] * 0.01;
                }

                if (f < 1 && cmd.Any(x => x != 0))
                {
                    Assert.That(report[SafetyRule.SpeedOverride].Action, Is.EqualTo(RuleAction.Scale));
                }
            }
        }, iter: 2000);
    }

    [Test]
    public void Non_finite_or_implausible_commands_are_rejected_with_a_smooth_halt()
    {
        var limits = new Cases(1).Limits(3);
        var filter = new SafetyFilter(new SafetyFilterOptions { Limits = limits, PositionMargin = Margin });
        var q = new Cases(2).Positions(limits, Margin);
        filter.Reset([0.1, -0.1, 0.05]);
        var output = new double[3];
        var report = filter.Update(new SafetyTickInput(Now, q, [double.NaN, 0, 0], Now), TimeSpan.FromMilliseconds(1), output);
        Assert.That(report.Status.HasFlag(SafetyStatus.NonFiniteCommand) && report.Halting, Is.True);
        Assert.That(report[SafetyRule.CommandValidity].Action, Is.EqualTo(RuleAction.Halt));
        Assert.That(output, Has.All.Not.EqualTo(0.0), "a halt is a ramp, not a jump to zero");
        report = filter.Update(new SafetyTickInput(Now, q, [1e9, 0, 0], Now), TimeSpan.FromMilliseconds(1), output);
        Assert.That(report.Status.HasFlag(SafetyStatus.CommandOutOfRange), Is.True);
        report = filter.Update(new SafetyTickInput(Now, q, [0, 0], Now), TimeSpan.FromMilliseconds(1), output);
        Assert.That(report.Status.HasFlag(SafetyStatus.CommandOutOfRange), Is.True, "wrong length");
        report = filter.Update(new SafetyTickInput(Now, [double.NaN, 0, 0], [0, 0, 0], Now), TimeSpan.FromMilliseconds(1), output);
        Assert.That(report.Status.HasFlag(SafetyStatus.NonFiniteState), Is.True);
        Assert.That(SafetyStatusText.DescribeAll(report.Status), Does.Contain("NaN"));
    }
}
