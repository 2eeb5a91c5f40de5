using Apprentice.Safety.Filter;
using Apprentice.Safety.Filter.Rules;
using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Limits;
using Apprentice.Safety.Tests.Support;
using Apprentice.Safety.Zones;

namespace Apprentice.Safety.Tests.Filter;

public sealed class RuleTests
{
    private static readonly TimeSpan Now = TimeSpan.FromSeconds(3);

    private static SafetyFilterOptions Options => new()
    {
        Limits = [JointLimits.Unlimited with { MaxVelocity = 1, MaxAcceleration = 2, MaxDeceleration = 2 }],
        InputTimeouts = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200)],
        HeartbeatTimeout = TimeSpan.FromMilliseconds(500),
    };

    [TestCase(0, 0, 0, 0, SafetyStatus.None)]
    [TestCase(150, 0, 0, 0, SafetyStatus.StaleCommand)]
    [TestCase(0, 60, 0, 0, SafetyStatus.StaleInput)]
    [TestCase(0, 0, 250, 0, SafetyStatus.StaleInput)]
    [TestCase(0, 0, 0, 600, SafetyStatus.HeartbeatLost)]
    [TestCase(-150, 0, 0, 0, SafetyStatus.StaleCommand)]
    public void Freshness_names_the_stale_input(int commandAgeMs, int input0AgeMs, int input1AgeMs, int heartbeatAgeMs, SafetyStatus expected)
    {
        TimeSpan[] stamps = [Now - TimeSpan.FromMilliseconds(input0AgeMs), Now - TimeSpan.FromMilliseconds(input1AgeMs)];
        var input = new SafetyTickInput(Now, [], [0], Now - TimeSpan.FromMilliseconds(commandAgeMs))
        {
            InputStamps = stamps,
            HeartbeatStamp = Now - TimeSpan.FromMilliseconds(heartbeatAgeMs),
        };
        var r = FreshnessRule.Evaluate(input, Options, zonesConfigured: false);
        Assert.That(r.Status & ~SafetyStatus.Halting, Is.EqualTo(expected));
        Assert.That(r.Action, Is.EqualTo(expected == SafetyStatus.None ? RuleAction.Pass : RuleAction.Halt));
    }

    [Test]
    public void Extreme_stamps_are_stale_and_never_throw()
    {
        var second = TimeSpan.FromSeconds(1);
        Assert.That(FreshnessRule.Stale(TimeSpan.MinValue + TimeSpan.FromTicks(5), TimeSpan.MaxValue, second), Is.True);
        Assert.That(FreshnessRule.Stale(TimeSpan.MaxValue, TimeSpan.MinValue + TimeSpan.FromTicks(1), second), Is.True);
        Assert.That(FreshnessRule.Stale(TimeSpan.MaxValue, TimeSpan.MaxValue, second), Is.False);
        Assert.That(FreshnessRule.Stale(TimeSpan.Zero, TimeSpan.MaxValue, second), Is.True, "a stamp from the far future is stale");
    }

    [Test]
    public void Missing_input_stamps_count_as_stale()
    {
        var r = FreshnessRule.Evaluate(new SafetyTickInput(Now, [], [0], Now) { InputStamps = [Now] }, Options, false);
        Assert.That(r.Status.HasFlag(SafetyStatus.StaleInput), Is.True);
    }

    [Test]
    public void Workspace_box_slows_the_tool_toward_a_face_and_frees_it_away()
    {
        var solver = new KinematicsSolver(Robots.PandaChain);
        solver.Update(Robots.PandaReady);
        var tip = solver.TipPose.Translation;
        var box = new WorkspaceBox(tip - new Vec3(0.5, 0.5, 0.5), tip + new Vec3(0.05, 0.5, 0.5), MarginM: 0.02, MaxDecelerationMPerSec2: 1);
        var jac = new double[42];
        solver.Jacobian(jac);
        var forward = new double[7];
        DampedLeastSquares.Solve(jac, [0.5, 0, 0, 0, 0, 0], 0.01, forward);
        var r = WorkspaceRule.Evaluate(solver, forward, box);
        Assert.That(r.Action, Is.EqualTo(RuleAction.Scale));
        Assert.That(r.Scale * 0.5, Is.EqualTo(Math.Sqrt(2 * 1 * 0.03)).Within(0.01), "speed toward the face limited to √(2·a·d)");
        var back = forward.Select(x => -x).ToArray();
        Assert.That(WorkspaceRule.Evaluate(solver, back, box).Action, Is.EqualTo(RuleAction.Pass));
        Assert.That(WorkspaceRule.Inside(box, tip), Is.True);
    }

    [Test]
    public void Braking_speed_stops_exactly_at_the_limit()
    {
        // With no jerk ramp and dt → 0, v = √(2·a·d).
        Assert.That(PositionLimitRule.BrakingSpeed(0.5, 4, double.PositiveInfinity, 0, true), Is.EqualTo(2).Within(1e-12));
        Assert.That(PositionLimitRule.BrakingSpeed(-0.1, 4, 100, 0.01, true), Is.EqualTo(0));
        Assert.That(PositionLimitRule.BrakingSpeed(0.5, 4, 100, 0, true), Is.LessThan(2), "the jerk ramp costs distance");
    }

    [Test]
    public void Scan_projection_applies_the_extrinsics_and_drops_invalid_beams()
    {
        var projector = new ScanProjector(Transform3.FromXyzRpy(new Vec3(1, 2, 0.5), new Vec3(0, 0, Math.PI / 2)), 8);
        var points = projector.Project([1f, float.NaN, 0.01f, 50f, 2f], 0, Math.PI / 2, 0.1, 10);
        Assert.That(points.Length, Is.EqualTo(2));
        Assert.That(points[0].X, Is.EqualTo(1).Within(1e-9));
        Assert.That(points[0].Y, Is.EqualTo(3).Within(1e-9), "beam 0 points along the sensor's x = base y");
        Assert.That(points[1].X, Is.EqualTo(1).Within(1e-6), "beam 4 (angle 2π, range 2) also along the sensor's x");
        Assert.That(points[1].Y, Is.EqualTo(4).Within(1e-6));
        Assert.That(points[0].Z, Is.EqualTo(0.5));
    }

    [Test]
    public void Invalid_options_are_rejected_with_the_field_named()
    {
        var ex = Assert.Throws<LimitsConfigException>(() => new SafetyFilter(Options with { CommandTimeout = TimeSpan.Zero }));
        Assert.That(ex!.Message, Does.Contain("CommandTimeout"));
        ex = Assert.Throws<LimitsConfigException>(() => new SafetyFilter(Options with { ArmProximity = new ArmProximityOptions() }));
        Assert.That(ex!.Message, Does.Contain("KinematicsSolver"));
        ex = Assert.Throws<LimitsConfigException>(() => new SafetyFilter(Options with { Limits = [JointLimits.Unlimited with { MaxAcceleration = -1 }] }));
        Assert.That(ex!.Message, Does.Contain("Limits[0]"));
    }

    [Test]
    public void Invalid_period_halts_with_the_nominal_period()
    {
        var filter = new SafetyFilter(Options with { InputTimeouts = [] });
        filter.Reset([0.5]);
        var output = new double[1];
        var report = filter.Update(new SafetyTickInput(Now, [], [0.5], Now), TimeSpan.Zero, output);
        Assert.That(report.Status.HasFlag(SafetyStatus.InvalidPeriod) && report.Halting, Is.True);
        Assert.That(output[0], Is.EqualTo(0.5 - (2 * 0.01)).Within(1e-12));
    }

    [Test]
    public void Every_status_flag_has_its_own_text()
    {
        var texts = Enum.GetValues<SafetyStatus>().Where(f => f != SafetyStatus.None).Select(SafetyStatusText.Describe).ToList();
        Assert.That(texts, Is.Unique);
        Assert.That(texts, Has.None.StartsWith("multiple"));
        Assert.That(SafetyStatusText.DescribeAll(SafetyStatus.StaleCommand | SafetyStatus.Halting), Does.Contain("command timeout").And.Contain("braking"));
    }
}
