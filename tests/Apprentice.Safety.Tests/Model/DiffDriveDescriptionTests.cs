using Apprentice.Safety.Geometry;
using Apprentice.Safety.Limits;
using Apprentice.Safety.Model;

namespace Apprentice.Safety.Tests.Model;

public sealed class DiffDriveDescriptionTests
{
    private static Dictionary<string, string> Valid() => new()
    {
        ["base_node.ros__parameters.diff_drive.wheel_separation"] = "0.3",
        ["base_node.ros__parameters.diff_drive.wheel_radius"] = "0.05",
        ["base_node.ros__parameters.diff_drive.max_linear_velocity"] = "1.0",
        ["base_node.ros__parameters.diff_drive.max_angular_velocity"] = "2.0",
        ["base_node.ros__parameters.diff_drive.max_linear_acceleration"] = "0.5",
        ["base_node.ros__parameters.diff_drive.footprint"] = "[[0.2, 0.2], [0.2, -0.2], [-0.2, -0.2], [-0.2, 0.2]]",
    };

    [Test]
    public void Binds_with_a_node_prefix_and_defaults_deceleration_to_acceleration()
    {
        var d = DiffDriveDescription.FromParameters(Valid());
        Assert.That(d.Linear.MaxDeceleration, Is.EqualTo(0.5));
        Assert.That(d.Angular.MaxAcceleration, Is.EqualTo(double.PositiveInfinity));
        Assert.That(d.Footprint.Contains(0, 0), Is.True);
        Assert.That(d.Footprint.Contains(0.3, 0), Is.False);
        Assert.That(d.BaseFrame, Is.EqualTo("base_link"));
    }

    [TestCase("footprint", "[[0.2, 0.2], [0.2, -0.2]]", "three points")]
    [TestCase("footprint", "0.2, 0.2", "[[x1, y1]")]
    [TestCase("footprint", "[[0.2, x], [0.2, -0.2], [1, 1]]", "finite numbers")]
    [TestCase("wheel_radius", "-1", "negative")]
    [TestCase("max_linear_velocity", "fast", "not a number")]
    public void Bad_values_name_the_parameter(string field, string value, string expected)
    {
        var p = Valid();
        p["base_node.ros__parameters.diff_drive." + field] = value;
        var ex = Assert.Throws<LimitsConfigException>(() => DiffDriveDescription.FromParameters(p));
        Assert.That(ex!.Message, Does.Contain(field).And.Contain(expected));
    }

    [Test]
    public void Missing_required_keys_are_named()
    {
        var p = Valid();
        p.Remove("base_node.ros__parameters.diff_drive.wheel_radius");
        var ex = Assert.Throws<LimitsConfigException>(() => DiffDriveDescription.FromParameters(p));
        Assert.That(ex!.Message, Does.Contain("diff_drive.wheel_radius"));
    }

    [Test]
    public void Inflated_polygon_contains_the_original()
    {
        var p = new Polygon2([new(0.1, 0.1), new(0.1, -0.1), new(-0.1, -0.1), new(-0.1, 0.1)]);
        var big = p.Inflate(0.05);
        Assert.That(big.Contains(0.14, 0.14), Is.True);
        Assert.That(big.Contains(0.16, 0), Is.False);
    }
}
