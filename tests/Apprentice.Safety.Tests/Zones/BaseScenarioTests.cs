using Apprentice.Safety.Filter;
using Apprentice.Safety.Filter.Rules;
using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Tests.Support;
using Apprentice.Safety.Zones;

namespace Apprentice.Safety.Tests.Zones;

/// <summary>Nav2 collision-monitor style scenarios for the TurtleBot3 Burger with a simulated 360-beam LiDAR.</summary>
public sealed class BaseScenarioTests
{
    private const double Dt = 0.02;
    private const int Beams = 360;

    private static FootprintZonesOptions Zones => new()
    {
        StopPolygon = Robots.BurgerBase.Footprint.Inflate(0.03),
        SlowdownPolygon = Robots.BurgerBase.Footprint.Inflate(0.20),
        SlowdownRatio = 0.5,
        ApproachFootprint = Robots.BurgerBase.Footprint,
        TimeBeforeCollision = TimeSpan.FromSeconds(1.2),
    };

    private static Transform3 ScanExtrinsics()
    {
        var chain = KinematicChain.Create(Robots.Burger, "base_link", "base_scan");
        var solver = new KinematicsSolver(chain);
        solver.Update([]);
        return solver.TipPose;
    }

    /// <summary>Ranges of a world made of wall segments seen from the sensor at world pose (x, y, θ).</summary>
    private static void Scan((double X1, double Y1, double X2, double Y2)[] walls, double x, double y, double th, float[] ranges, Random noise)
    {
        for (var b = 0; b < ranges.Length; b++)
        {
            var a = th + (b * 2 * Math.PI / ranges.Length);
            var (dx, dy) = (Math.Cos(a), Math.Sin(a));
            var best = double.PositiveInfinity;
            foreach (var (x1, y1, x2, y2) in walls)
            {
                var (ex, ey) = (x2 - x1, y2 - y1);
                var den = (dx * ey) - (dy * ex);
                if (Math.Abs(den) < 1e-12)
                {
                    continue;
                }

                var t = (((x1 - x) * ey) - ((y1 - y) * ex)) / den;
                var u = (((x1 - x) * dy) - ((y1 - y) * dx)) / den;
                if (t > 0 && u is >= 0 and <= 1)
                {
                    best = Math.Min(best, t);
                }
            }

            ranges[b] = best <= 3.5 ? (float)(best + ((noise.NextDouble() - 0.5) * 0.02)) : float.PositiveInfinity;
        }
    }

    private sealed record Run(double MinClearanceM, double TimeToStopS, int Stops, int Slowdowns, double FinalSpeed);

    private static Run Drive(double speed, (double, double, double, double)[] walls, double wz = 0, double seconds = 12) =>
        Drive(speed, (_, _) => walls, wz, seconds);

    private static Run Drive(double speed, Func<double, double, (double, double, double, double)[]> world, double wz = 0, double seconds = 12)
    {
        var limits = Robots.BurgerBase.AxisLimits;
        var filter = new SafetyFilter(new SafetyFilterOptions { Limits = limits, Footprint = Zones });
        var extrinsics = ScanExtrinsics();
        var projector = new ScanProjector(extrinsics, Beams);
        var ranges = new float[Beams];
        var noise = new Random(3);
        var (x, y, th) = (0.0, 0.0, 0.0);
        var output = new double[2];
        var minClearance = double.PositiveInfinity;
        double? firstStop = null, stoppedAt = null;
        var (stops, slows) = (0, 0);
        for (var tick = 0; tick < seconds / Dt; tick++)
        {
            var now = TimeSpan.FromSeconds(tick * Dt);
            var walls = world(tick * Dt, x);
            var sensor = extrinsics.Translation;
            Scan(walls, x + (Math.Cos(th) * sensor.X) - (Math.Sin(th) * sensor.Y), y + (Math.Sin(th) * sensor.X) + (Math.Cos(th) * sensor.Y), th, ranges, noise);
            var points = projector.Project(ranges, 0, 2 * Math.PI / Beams, 0.12, 3.5);
            var report = filter.Update(new SafetyTickInput(now, [], [speed, wz], now) { ObstaclePoints = points, ScanStamp = now }, TimeSpan.FromSeconds(Dt), output);
            if (report.Status.HasFlag(SafetyStatus.FootprintStop))
            {
                stops++;
                firstStop ??= tick * Dt;
            }

            slows += report.Status.HasFlag(SafetyStatus.FootprintSlowdown) ? 1 : 0;
            if (firstStop is not null && stoppedAt is null && Math.Abs(output[0]) < 1e-4)
            {
                stoppedAt = tick * Dt;
            }

            x += output[0] * Math.Cos(th) * Dt;
            y += output[0] * Math.Sin(th) * Dt;
            th += output[1] * Dt;
            var clearance = FootprintClearance(walls, x, y, th);
            minClearance = Math.Min(minClearance, clearance);
        }

        return new Run(minClearance, stoppedAt is null || firstStop is null ? double.NaN : stoppedAt.Value - firstStop.Value, stops, slows, output[0]);
    }

    /// <summary>Smallest distance from a footprint vertex or wall sample to the other shape (coarse; negative = overlap).</summary>
    private static double FootprintClearance((double X1, double Y1, double X2, double Y2)[] walls, double x, double y, double th)
    {
        var fp = Robots.BurgerBase.Footprint;
        var (s, c) = Math.SinCos(th);
        var min = double.PositiveInfinity;
        foreach (var (x1, y1, x2, y2) in walls)
        {
            for (var k = 0; k <= 200; k++)
            {
                var (px, py) = (x1 + ((x2 - x1) * k / 200), y1 + ((y2 - y1) * k / 200));
                var (lx, ly) = ((c * (px - x)) + (s * (py - y)), (-s * (px - x)) + (c * (py - y)));
                if (fp.Contains(lx, ly))
                {
                    return -1;
                }

                var v = fp.Vertices;
                for (var i = 0; i < v.Length; i++)
                {
                    var a = v[i];
                    var b = v[(i + 1) % v.Length];
                    min = Math.Min(min, SegmentDistance(lx, ly, a, b));
                }
            }
        }

        return min;
    }

    private static double SegmentDistance(double px, double py, Vec2 a, Vec2 b)
    {
        var (ex, ey) = (b.X - a.X, b.Y - a.Y);
        var t = Math.Clamp((((px - a.X) * ex) + ((py - a.Y) * ey)) / ((ex * ex) + (ey * ey)), 0, 1);
        var (dx, dy) = (px - (a.X + (t * ex)), py - (a.Y + (t * ey)));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    [TestCase(0.05)]
    [TestCase(0.10)]
    [TestCase(0.15)]
    [TestCase(0.22)]
    public void Base_driving_at_a_wall_stops_in_time_with_clearance(double speed)
    {
        var run = Drive(speed, [(1.0, -1.0, 1.0, 1.0)], seconds: (1.5 / speed) + 8);
        TestContext.Out.WriteLine($"{speed} m/s: min clearance {run.MinClearanceM:F3} m, time to stop {run.TimeToStopS:F2} s, stop ticks {run.Stops}, slowdown ticks {run.Slowdowns}");
        Assert.That(run.MinClearanceM, Is.GreaterThan(0.005), "minimum clearance");
        Assert.That(run.FinalSpeed, Is.EqualTo(0).Within(1e-6), "stopped");
        if (!double.IsNaN(run.TimeToStopS))
        {
            Assert.That(run.TimeToStopS, Is.LessThanOrEqualTo((speed / Robots.BurgerBase.Linear.MaxDeceleration) + (3 * Dt)), "time to stop after the stop zone triggers");
        }
    }

    [TestCase(0.22, 0.1)]
    [TestCase(0.22, 0.3)]
    [TestCase(0.22, 0.5)]
    [TestCase(0.10, 0.5)]
    public void Base_stops_for_an_obstacle_approaching_at_several_speeds(double speed, double obstacleSpeed)
    {
        // A box 2.5 m ahead walks toward the robot and halts once it is 0.35 m from the robot's front.
        var x = 2.5;
        var last = 0.0;
        (double, double, double, double)[] World(double t, double robotX)
        {
            if (x - (robotX + 0.037) > 0.35)
            {
                x -= obstacleSpeed * (t - last);
            }

            last = t;
            return [(x, -0.3, x, 0.3), (x, 0.3, x + 0.3, 0.3), (x, -0.3, x + 0.3, -0.3)];
        }

        var run = Drive(speed, World, seconds: 12);
        TestContext.Out.WriteLine($"{speed} m/s vs obstacle {obstacleSpeed} m/s: min clearance {run.MinClearanceM:F3} m, stop ticks {run.Stops}");
        Assert.That(run.MinClearanceM, Is.GreaterThan(0.005), "minimum clearance");
        Assert.That(run.FinalSpeed, Is.EqualTo(0).Within(1e-6), "stopped");
        if (!double.IsNaN(run.TimeToStopS))
        {
            Assert.That(run.TimeToStopS, Is.LessThanOrEqualTo((speed / Robots.BurgerBase.Linear.MaxDeceleration) + (3 * Dt)), "time to stop after the stop zone triggers");
        }
    }

    [TestCase(0.22)]
    [TestCase(0.10)]
    public void Static_scene_beside_the_path_gives_no_false_stops(double speed)
    {
        // A corridor: walls 0.45 m either side of the path, nothing ahead for 3 m.
        var run = Drive(speed, [(-1, 0.45, 4, 0.45), (-1, -0.45, 4, -0.45)], seconds: 10);
        Assert.That(run.Stops, Is.Zero, "false-stop rate");
        Assert.That(run.Slowdowns, Is.Zero, "false slowdowns");
        Assert.That(run.FinalSpeed, Is.EqualTo(speed).Within(1e-9));
    }

    [TestCase(0.22)]
    [TestCase(0.10)]
    public void Obstacle_appearing_in_the_stop_zone_stops_the_base_within_its_deceleration(double speed)
    {
        var filter = new SafetyFilter(new SafetyFilterOptions { Limits = Robots.BurgerBase.AxisLimits, Footprint = Zones });
        filter.Reset([speed, 0]);
        var output = new double[2];
        Vec3[] person = [new(0.055, 0, 0.18)];
        var previous = speed;
        var ticks = 0;
        for (; ticks < 100 && previous > 0; ticks++)
        {
            var now = TimeSpan.FromSeconds(ticks * Dt);
            var report = filter.Update(new SafetyTickInput(now, [], [speed, 0], now) { ObstaclePoints = person, ScanStamp = now }, TimeSpan.FromSeconds(Dt), output);
            Assert.That(report.Status.HasFlag(SafetyStatus.FootprintStop), Is.True);
            Assert.That(previous - output[0], Is.LessThanOrEqualTo((Robots.BurgerBase.Linear.MaxDeceleration * Dt) + 1e-12), "smooth, not a jump to zero");
            previous = output[0];
        }

        Assert.That(ticks * Dt, Is.LessThanOrEqualTo((speed / Robots.BurgerBase.Linear.MaxDeceleration) + Dt + 1e-9), "time to stop");
    }

    [Test]
    public void Stale_scan_halts_the_base_smoothly()
    {
        var filter = new SafetyFilter(new SafetyFilterOptions { Limits = Robots.BurgerBase.AxisLimits, Footprint = Zones });
        filter.Reset([0.2, 0]);
        var output = new double[2];
        var now = TimeSpan.FromSeconds(5);
        var report = filter.Update(new SafetyTickInput(now, [], [0.2, 0], now) { ScanStamp = now - TimeSpan.FromSeconds(1) }, TimeSpan.FromSeconds(Dt), output);
        Assert.That(report.Status.HasFlag(SafetyStatus.StaleScan) && report.Halting, Is.True);
        Assert.That(output[0], Is.EqualTo(0.2 - (Robots.BurgerBase.Linear.MaxDeceleration * Dt)).Within(1e-9));
    }

    [Test]
    public void Approach_scales_speed_to_keep_the_time_to_collision()
    {
        Vec3[] wall = [.. Enumerable.Range(0, 41).Select(i => new Vec3(0.25, -0.2 + (0.01 * i), 0.18))];
        var t = FootprintRule.TimeToCollision(Robots.BurgerBase.Footprint, 0.22, 0, wall, Zones);
        Assert.That(t, Is.EqualTo((0.25 - 0.037) / 0.22).Within(Zones.SimulationTimeStep.TotalSeconds));
        var r = FootprintRule.Evaluate([0.22, 0], wall, Zones with { StopPolygon = null, SlowdownPolygon = null });
        Assert.That(r.Action, Is.EqualTo(RuleAction.Scale));
        Assert.That(r.Scale, Is.EqualTo(t / 1.2).Within(1e-12));
        Assert.That(FootprintRule.Evaluate([-0.22, 0], wall, Zones with { StopPolygon = null, SlowdownPolygon = null }).Action, Is.EqualTo(RuleAction.Pass), "reversing away is free");
    }
}
