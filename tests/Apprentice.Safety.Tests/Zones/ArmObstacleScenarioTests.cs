using Apprentice.Safety.Filter;
using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Tests.Support;
using Apprentice.Safety.Zones;

namespace Apprentice.Safety.Tests.Zones;

/// <summary>Nav2-style scenarios for the arm: an obstacle and the arm closing on each other at several speeds.</summary>
public sealed class ArmObstacleScenarioTests
{
    private const double Dt = 0.01;
    private static readonly ArmProximityOptions Zones = new();

    private sealed record Outcome(double MinClearanceM, double TimeToStopS, double FinalApproachSpeed, int Halts);

    /// <summary>
    /// The tool is driven toward +x at <paramref name="toolSpeed"/> by resolved-rate control while a wall of points starts
    /// 0.6 m ahead and moves toward the arm at <paramref name="wallSpeed"/> until it is 0.25 m from the start pose.
    /// </summary>
    private static Outcome Simulate(double toolSpeed, double wallSpeed)
    {
        var limits = Robots.PandaLimits.Limits;
        var plant = new KinematicsSolver(Robots.PandaChain);
        var filter = new SafetyFilter(new SafetyFilterOptions { Limits = limits, ArmProximity = Zones }, new KinematicsSolver(Robots.PandaChain));
        var q = Robots.PandaReady;
        plant.Update(q);
        var start = plant.TipPose.Translation;
        var wallX = start.X + 0.6;
        var wallStop = start.X + 0.25;
        var jac = new double[42];
        var cmd = new double[7];
        var output = new double[7];
        var points = new Vec3[21 * 21];
        var minClearance = double.PositiveInfinity;
        double? entered = null, stopped = null;
        var halts = 0;
        var approach = 0.0;
        for (var tick = 0; tick < 800; tick++)
        {
            var now = TimeSpan.FromSeconds(tick * Dt);
            wallX = Math.Max(wallStop, wallX - (wallSpeed * Dt));
            for (var i = 0; i < 21; i++)
            {
                for (var j = 0; j < 21; j++)
                {
                    points[(i * 21) + j] = new Vec3(wallX, start.Y - 0.3 + (0.03 * i), start.Z - 0.3 + (0.03 * j));
                }
            }

            plant.Update(q);
            plant.Jacobian(jac);
            DampedLeastSquares.Solve(jac, [toolSpeed, 0, 0, 0, 0, 0], 0.02, cmd);
            var report = filter.Update(new SafetyTickInput(now, q, cmd, now) { ObstaclePoints = points, ScanStamp = now }, TimeSpan.FromSeconds(Dt), output);
            halts += report.Halting ? 1 : 0;
            var clearance = Clearance(plant, points);
            minClearance = Math.Min(minClearance, clearance);
            approach = plant.PointVelocity(plant.Chain.LinkNames.Count - 1, plant.TipPose.Translation, output).X;
            if (entered is null && clearance <= Zones.SlowdownDistanceM)
            {
                entered = tick * Dt;
            }

            if (entered is not null && stopped is null && Math.Abs(approach) < 1e-3)
            {
                stopped = tick * Dt;
            }

            for (var i = 0; i < 7; i++)
            {
                q[i] += output[i] * Dt;
            }
        }

        return new Outcome(minClearance, stopped is null || entered is null ? double.NaN : stopped.Value - entered.Value, approach, halts);
    }

    private static double Clearance(KinematicsSolver plant, ReadOnlySpan<Vec3> points)
    {
        var min = double.PositiveInfinity;
        foreach (var s in plant.Spheres)
        {
            foreach (var p in points)
            {
                min = Math.Min(min, (p - s.Center).Length - s.RadiusM);
            }
        }

        return min;
    }

    [TestCase(0.10, 0.0)]
    [TestCase(0.25, 0.0)]
    [TestCase(0.50, 0.0)]
    [TestCase(0.10, 0.2)]
    [TestCase(0.25, 0.5)]
    [TestCase(0.50, 1.0)]
    public void Arm_stops_before_an_approaching_obstacle_with_clearance(double toolSpeed, double wallSpeed)
    {
        var o = Simulate(toolSpeed, wallSpeed);
        TestContext.Out.WriteLine($"tool {toolSpeed} m/s, wall {wallSpeed} m/s: min clearance {o.MinClearanceM:F4} m, time to stop {o.TimeToStopS:F3} s");
        // A static wall: the arm alone sets the clearance. A moving wall may itself close in after the arm stopped
        // (the filter never moves the arm away), so only contact is ruled out.
        Assert.That(o.MinClearanceM, Is.GreaterThan(wallSpeed == 0 ? 0.9 * Zones.StopDistanceM : 0.01), "minimum clearance");
        Assert.That(o.FinalApproachSpeed, Is.LessThan(1e-3), "stopped");
        if (!double.IsNaN(o.TimeToStopS))
        {
            var band = Zones.SlowdownDistanceM - Zones.StopDistanceM;
            Assert.That(o.TimeToStopS, Is.LessThanOrEqualTo(3 * band / Math.Min(toolSpeed, Zones.MaxApproachSpeedMPerSec)), "time to stop after entering the slowdown band");
        }
        else
        {
            Assert.Fail("never stopped");
        }

        Assert.That(o.Halts, Is.Zero, "proximity slows and stops motion toward the obstacle; it does not halt the arm");
    }

    [Test]
    public void Static_scene_outside_the_band_gives_no_false_stops()
    {
        var limits = Robots.PandaLimits.Limits;
        var filter = new SafetyFilter(new SafetyFilterOptions { Limits = limits, ArmProximity = Zones }, new KinematicsSolver(Robots.PandaChain));
        var plant = new KinematicsSolver(Robots.PandaChain);
        var q = Robots.PandaReady;
        var rng = new Random(7);
        // A table top 0.45 m below the tool and a wall 0.9 m in front: both outside the slowdown band of any link.
        plant.Update(q);
        var tip = plant.TipPose.Translation;
        var points = Enumerable.Range(0, 1080).Select(i => i % 2 == 0
            ? new Vec3(tip.X - 0.2 + (rng.NextDouble() * 0.4), tip.Y - 0.3 + (rng.NextDouble() * 0.6), -0.4)
            : new Vec3(tip.X + 0.9, tip.Y - 0.5 + (rng.NextDouble() * 1.0), rng.NextDouble())).ToArray();
        var output = new double[7];
        var interventions = 0;
        for (var tick = 0; tick < 1000; tick++)
        {
            var now = TimeSpan.FromSeconds(tick * Dt);
            var cmd = Enumerable.Range(0, 7).Select(i => 0.05 * Math.Sin((tick * Dt) + i)).ToArray();
            var report = filter.Update(new SafetyTickInput(now, q, cmd, now) { ObstaclePoints = points, ScanStamp = now }, TimeSpan.FromSeconds(Dt), output);
            interventions += (report.Status & (SafetyStatus.Halting | SafetyStatus.ObstacleStop | SafetyStatus.ObstacleSlowdown)) != 0 ? 1 : 0;
            for (var i = 0; i < 7; i++)
            {
                q[i] += output[i] * Dt;
            }
        }

        Assert.That(interventions, Is.Zero, "false-stop rate");
    }
}
