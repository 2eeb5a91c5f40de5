using Apprentice.Safety.Limits;
using Apprentice.Safety.Tests.Support;
using CsCheck;

namespace Apprentice.Safety.Tests.Limits;

public sealed class JointLimitsMergerTests
{
    private static readonly string[] Joint1 = ["panda_joint1"];

    private static JointLimits Merge(Dictionary<string, string> p, LooseningPolicy policy = LooseningPolicy.IgnoreWithWarning) =>
        JointLimitsMerger.Merge(Robots.Panda, Joint1, p, policy).Limits[0];

    [Test]
    public void Tightening_overrides_are_applied()
    {
        var l = Merge(new() { ["joint_limits.panda_joint1.max_velocity"] = "1.0", ["joint_limits.panda_joint1.max_position"] = "2.0", ["joint_limits.panda_joint1.max_acceleration"] = "3" });
        Assert.That(l.MaxVelocity, Is.EqualTo(1.0));
        Assert.That(l.MaxPosition, Is.EqualTo(2.0));
        Assert.That(l.MinPosition, Is.EqualTo(-2.8973));
        Assert.That(l.MaxAcceleration, Is.EqualTo(3));
        Assert.That(l.MaxDeceleration, Is.EqualTo(3), "deceleration defaults to acceleration");
    }

    [TestCase("max_velocity", "5.0")]
    [TestCase("max_position", "3.5")]
    [TestCase("min_position", "-3.5")]
    [TestCase("max_effort", "1000")]
    [TestCase("has_position_limits", "false")]
    [TestCase("has_velocity_limits", "false")]
    [TestCase("soft_upper_limit", "3.0")]
    [TestCase("k_position", "1000")]
    public void Loosening_overrides_are_ignored_with_a_warning_or_rejected(string field, string value)
    {
        var p = new Dictionary<string, string> { ["my_node.ros__parameters.joint_limits.panda_joint1." + field] = value };
        var merged = JointLimitsMerger.Merge(Robots.Panda, Joint1, p);
        Assert.That(merged.Limits[0], Is.EqualTo(JointLimitsMerger.FromUrdf(Robots.Panda.Joint("panda_joint1"))));
        Assert.That(merged.Warnings, Has.Count.EqualTo(1).And.Some.Contains(field));
        var ex = Assert.Throws<LimitsConfigException>(() => Merge(p, LooseningPolicy.Reject));
        Assert.That(ex!.Message, Does.Contain("panda_joint1").And.Contain(field));
    }

    [TestCase("joint_limits.no_such_joint.max_velocity", "1", "no_such_joint")]
    [TestCase("joint_limits.panda_joint1.max_velcity", "1", "max_velcity")]
    [TestCase("joint_limits.panda_joint1.max_velocity", "fast", "fast")]
    [TestCase("joint_limits.panda_joint1.max_velocity", "-1", "negative")]
    [TestCase("joint_limits.panda_joint1.has_velocity_limits", "yes", "boolean")]
    public void Bad_parameters_raise_errors_naming_the_key(string key, string value, string expected)
    {
        var ex = Assert.Throws<LimitsConfigException>(() => Merge(new() { [key] = value }));
        Assert.That(ex!.Message, Does.Contain(expected));
    }

    [Test]
    public void Merged_limits_are_never_looser_than_the_urdf_for_any_override()
    {
        var urdf = JointLimitsMerger.FromUrdf(Robots.Panda.Joint("panda_joint4"));
        var fields = new[] { "max_velocity", "min_position", "max_position", "max_effort", "soft_lower_limit", "soft_upper_limit", "k_position" };
        Gen.Select(Gen.Int[0, fields.Length - 1], Gen.Double[-5, 200], Gen.Int[0, fields.Length - 1], Gen.Double[-5, 200]).Sample((f1, v1, f2, v2) =>
        {
            var p = new Dictionary<string, string>
            {
                ["joint_limits.panda_joint4." + fields[f1]] = v1.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                ["joint_limits.panda_joint4." + fields[f2]] = v2.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            };
            try
            {
                var l = JointLimitsMerger.Merge(Robots.Panda, ["panda_joint4"], p).Limits[0];
                Assert.That(l.IsAtLeastAsStrictAs(urdf), Is.True);
            }
            catch (LimitsConfigException)
            {
                // negative magnitudes or crossed bounds are rejected; also acceptable
            }
        }, iter: 2000);
    }
}
