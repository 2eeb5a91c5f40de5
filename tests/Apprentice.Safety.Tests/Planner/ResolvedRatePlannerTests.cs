using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Planner;
using Apprentice.Safety.Tests.Support;
using CsCheck;

namespace Apprentice.Safety.Tests.Planner;

public sealed class ResolvedRatePlannerTests
{
    [Test]
    public void Minimum_jerk_profile_starts_and_ends_at_rest_and_matches_its_derivative()
    {
        Assert.That(MinimumJerk.Position(0), Is.EqualTo(0));
        Assert.That(MinimumJerk.Position(1), Is.EqualTo(1).Within(1e-12));
        Assert.That(MinimumJerk.Velocity(0), Is.EqualTo(0));
        Assert.That(MinimumJerk.Velocity(1), Is.EqualTo(0));
        Assert.That(MinimumJerk.Velocity(0.5), Is.EqualTo(1.875).Within(1e-12), "peak speed of the 5th-order profile");
        Gen.Double[0.01, 0.99].Sample(t =>
        {
            var numeric = (MinimumJerk.Position(t + 1e-6) - MinimumJerk.Position(t - 1e-6)) / 2e-6;
            Assert.That(MinimumJerk.Velocity(t), Is.EqualTo(numeric).Within(1e-6));
        });
    }

    [Test]
    public void Pose_goal_is_reached_along_the_minimum_jerk_path()
    {
        var solver = new KinematicsSolver(Robots.PandaChain);
        var planner = new ResolvedRatePlanner(new KinematicsSolver(Robots.PandaChain));
        var q = Robots.PandaReady;
        solver.Update(q);
        var start = solver.TipPose;
        // 10–15 cm away and turned 0.3 rad about the base z axis.
        var rotated = Transform3.FromAxisAngle(new Vec3(0, 0, 1), 0.3) * (start with { Translation = Vec3.Zero });
        var target = rotated with { Translation = start.Translation + new Vec3(0.1, -0.15, -0.1) };
        planner.SetPoseGoal(start, target, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        var qdot = new double[7];
        const double dt = 0.005;
        var maxDeviation = 0.0;
        for (var k = 0; k <= 600; k++)
        {
            var now = TimeSpan.FromSeconds(k * dt);
            Assert.That(planner.Compute(now, q, qdot), Is.True);
            for (var i = 0; i < 7; i++)
            {
                q[i] += qdot[i] * dt;
            }

            solver.Update(q);
            var s = MinimumJerk.Position((k + 1) * dt / 2);
            var reference = start.Translation + (s * (target.Translation - start.Translation));
            maxDeviation = Math.Max(maxDeviation, (solver.TipPose.Translation - reference).Length);
        }

        Assert.That((solver.TipPose.Translation - target.Translation).Length, Is.LessThan(1e-3), "position reached");
        Assert.That(solver.TipPose.OrientationErrorTo(target).Length, Is.LessThan(1e-3), "orientation reached");
        Assert.That(maxDeviation, Is.LessThan(0.01), "tracks the minimum-jerk reference");
    }

    [Test]
    public void Joint_goal_is_reached_and_no_goal_commands_zero()
    {
        var planner = new ResolvedRatePlanner(new KinematicsSolver(Robots.PandaChain));
        var q = Robots.PandaReady;
        var goal = q.Select((x, i) => x + (0.1 * (i - 3))).ToArray();
        var qdot = new double[7];
        Assert.That(planner.Compute(TimeSpan.Zero, q, qdot), Is.False);
        Assert.That(qdot, Is.All.EqualTo(0.0));
        planner.SetJointGoal(q, goal, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        for (var k = 0; k <= 300; k++)
        {
            planner.Compute(TimeSpan.FromSeconds(k * 0.01), q, qdot);
            for (var i = 0; i < 7; i++)
            {
                q[i] += qdot[i] * 0.01;
            }
        }

        Assert.That(q, Is.EqualTo(goal).Within(1e-3));
    }
}
