using Apprentice.Safety.Filter;
using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Tests.Support;
using Apprentice.Safety.Zones;
using CsCheck;

namespace Apprentice.Safety.Tests.Zones;

/// <summary>The filter never adds speed toward an obstacle inside the slowdown band.</summary>
public sealed class ArmProximityPropertyTests
{
    private static readonly TimeSpan Now = TimeSpan.FromSeconds(10);
    private static readonly ArmProximityOptions Zones = new();

    [Test]
    public void Speed_toward_obstacles_in_the_band_never_exceeds_both_the_command_and_the_previous_output([Values] bool fromRest)
    {
        var limits = Robots.PandaLimits.Limits;
        Gen.Int.Sample(seed =>
        {
            var c = new Cases(seed);
            var q = c.Positions(limits, 0.05);
            var vPrev = fromRest ? new double[7] : c.ReachableVelocities(limits, q, 0.01, true).Select(x => x * 0.3).ToArray();
            var cmd = limits.Select(l => c.Uniform(-1, 1) * l.MaxVelocity).ToArray();
            var check = new KinematicsSolver(Robots.PandaChain);
            check.Update(q);
            var points = new Vec3[c.Int(1, 40)];
            for (var k = 0; k < points.Length; k++)
            {
                var s = check.Spheres[c.Int(0, check.Spheres.Length)];
                var dir = new Vec3(c.Uniform(-1, 1), c.Uniform(-1, 1), c.Uniform(-1, 1)).Normalized();
                points[k] = s.Center + ((s.RadiusM + c.Uniform(0, 0.4)) * dir);
            }

            var filter = new SafetyFilter(new SafetyFilterOptions { Limits = limits, ArmProximity = Zones }, new KinematicsSolver(Robots.PandaChain));
            filter.Reset(vPrev);
            var output = new double[7];
            var report = filter.Update(new SafetyTickInput(Now, q, cmd, Now) { ObstaclePoints = points, ScanStamp = Now }, TimeSpan.FromMilliseconds(10), output);
            Assert.That(report.Halting, Is.False);
            var spheres = check.Spheres;
            for (var k = 0; k < spheres.Length; k++)
            {
                var link = check.SphereLinks[k];
                var (vOut, vCmd, v0) = (check.PointVelocity(link, spheres[k].Center, output), check.PointVelocity(link, spheres[k].Center, cmd), check.PointVelocity(link, spheres[k].Center, vPrev));
                foreach (var p in points)
                {
                    var d = p - spheres[k].Center;
                    if (d.Length - spheres[k].RadiusM >= Zones.SlowdownDistanceM)
                    {
                        continue;
                    }

                    var n = d.Normalized();
                    var bound = Math.Max(0, Math.Max(Vec3.Dot(n, vCmd), Vec3.Dot(n, v0)));
                    Assert.That(Vec3.Dot(n, vOut), Is.LessThanOrEqualTo(bound + 1e-9));
                }
            }
        }, iter: 2000);
    }

    [Test]
    public void Motion_away_from_an_obstacle_is_not_slowed()
    {
        var limits = Robots.PandaLimits.Limits;
        var solver = new KinematicsSolver(Robots.PandaChain);
        var q = Robots.PandaReady;
        solver.Update(q);
        var tip = solver.TipPose.Translation;
        // Obstacle 12 cm in front of the tool (+x); command the tool backwards (−x) through the DLS inverse.
        Vec3[] points = [tip + new Vec3(0.12, 0, 0)];
        var jac = new double[42];
        solver.Jacobian(jac);
        var cmd = new double[7];
        DampedLeastSquares.Solve(jac, [-0.1, 0, 0, 0, 0, 0], 0.01, cmd);
        var filter = new SafetyFilter(new SafetyFilterOptions { Limits = limits, ArmProximity = Zones }, new KinematicsSolver(Robots.PandaChain));
        var output = new double[7];
        var report = filter.Update(new SafetyTickInput(Now, q, cmd, Now) { ObstaclePoints = points, ScanStamp = Now }, TimeSpan.FromMilliseconds(10), output);
        Assert.That(report[SafetyRule.ArmProximity].Action, Is.EqualTo(RuleAction.Pass));
        var toward = cmd.Select(x => -x).ToArray();
        report = filter.Update(new SafetyTickInput(Now, q, toward, Now) { ObstaclePoints = points, ScanStamp = Now }, TimeSpan.FromMilliseconds(10), output);
        Assert.That(report[SafetyRule.ArmProximity].Action, Is.EqualTo(RuleAction.Scale));
        Assert.That(report.Status.HasFlag(SafetyStatus.ObstacleSlowdown), Is.True);
    }
}
