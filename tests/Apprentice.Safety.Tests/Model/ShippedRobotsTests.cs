using Apprentice.Safety.Tests.Support;

namespace Apprentice.Safety.Tests.Model;

/// <summary>The shipped descriptions match the manufacturers' published numbers.</summary>
public sealed class ShippedRobotsTests
{
    // Franka Control Interface published joint limits.
    private static readonly double[] QMin = [-2.8973, -1.7628, -2.8973, -3.0718, -2.8973, -0.0175, -2.8973];
    private static readonly double[] QMax = [2.8973, 1.7628, 2.8973, -0.0698, 2.8973, 3.7525, 2.8973];
    private static readonly double[] DqMax = [2.1750, 2.1750, 2.1750, 2.1750, 2.6100, 2.6100, 2.6100];
    private static readonly double[] DdqMax = [15, 7.5, 10, 12.5, 15, 20, 20];
    private static readonly double[] DddqMax = [7500, 3750, 5000, 6250, 7500, 10000, 10000];
    private static readonly double[] TauMax = [87, 87, 87, 87, 12, 12, 12];

    [Test]
    public void Panda_merged_limits_equal_the_published_ones()
    {
        var merged = Robots.PandaLimits;
        Assert.That(merged.JointNames, Is.EqualTo(Enumerable.Range(1, 7).Select(i => $"panda_joint{i}")));
        Assert.That(merged.Warnings, Is.Empty);
        for (var i = 0; i < 7; i++)
        {
            var l = merged.Limits[i];
            Assert.That(l.MinPosition, Is.EqualTo(QMin[i]).Within(1e-12), $"joint {i + 1} min");
            Assert.That(l.MaxPosition, Is.EqualTo(QMax[i]).Within(1e-12), $"joint {i + 1} max");
            Assert.That(l.MaxVelocity, Is.EqualTo(DqMax[i]).Within(1e-12));
            Assert.That(l.MaxAcceleration, Is.EqualTo(DdqMax[i]).Within(1e-12));
            Assert.That(l.MaxDeceleration, Is.EqualTo(DdqMax[i]).Within(1e-12));
            Assert.That(l.MaxJerk, Is.EqualTo(DddqMax[i]).Within(1e-12));
            Assert.That(l.MaxEffort, Is.EqualTo(TauMax[i]).Within(1e-12));
            Assert.That(l.KPosition, Is.EqualTo(100).Within(1e-12));
        }
    }

    [Test]
    public void Burger_base_limits_and_footprint_equal_the_published_ones()
    {
        var b = Robots.BurgerBase;
        Assert.That(b.WheelSeparationM, Is.EqualTo(0.160).Within(1e-12));
        Assert.That(b.WheelRadiusM, Is.EqualTo(0.033).Within(1e-12));
        Assert.That(b.Linear.MaxVelocity, Is.EqualTo(0.22).Within(1e-12));
        Assert.That(b.Angular.MaxVelocity, Is.EqualTo(2.84).Within(1e-12));
        Assert.That(b.Linear.MaxAcceleration, Is.EqualTo(2.5).Within(1e-12));
        Assert.That(b.Angular.MaxDeceleration, Is.EqualTo(3.2).Within(1e-12));
        var xs = b.Footprint.Vertices.ToArray().Select(v => v.X).ToArray();
        var ys = b.Footprint.Vertices.ToArray().Select(v => v.Y).ToArray();
        Assert.That(xs.Max() - xs.Min(), Is.EqualTo(0.138).Within(1e-9), "published length 138 mm");
        Assert.That(ys.Max() - ys.Min(), Is.EqualTo(0.178).Within(1e-9), "published width 178 mm");
    }

    [Test]
    public void Burger_urdf_places_wheels_at_the_published_separation_and_radius()
    {
        var left = Robots.Burger.Joint("wheel_left_joint");
        var right = Robots.Burger.Joint("wheel_right_joint");
        Assert.That(left.Origin.Translation.Y - right.Origin.Translation.Y, Is.EqualTo(Robots.BurgerBase.WheelSeparationM).Within(1e-12));
        var wheel = Robots.Burger.Link("wheel_left_link").Collisions.Single();
        Assert.That(wheel.Size.X, Is.EqualTo(Robots.BurgerBase.WheelRadiusM).Within(1e-12));
        Assert.That(left.Limit, Is.Null, "continuous wheels carry no position limits");
    }
}
