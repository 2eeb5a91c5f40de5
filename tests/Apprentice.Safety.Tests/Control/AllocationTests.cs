using Apprentice.Safety.Blending;
using Apprentice.Safety.Control;
using Apprentice.Safety.Filter;
using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Planner;
using Apprentice.Safety.Tests.Support;
using Apprentice.Safety.Zones;

namespace Apprentice.Safety.Tests.Control;

/// <summary>The control tick is allocation-free (STYLE.md habit 8).</summary>
public sealed class AllocationTests
{
    /// <summary>A full Panda controller: resolved-rate + anchor planner, blender, filter with workspace and proximity zones.</summary>
    internal static (SafetyController Controller, ScanProjector Projector) PandaController()
    {
        var rng = new Random(11);
        var points = new float[20 * 50 * 7];
        var ids = new int[20 * 50];
        for (var t = 0; t < 20; t++)
        {
            for (var k = 0; k < 50; k++)
            {
                ids[(t * 50) + k] = t;
                for (var d = 0; d < 7; d++)
                {
                    points[(((t * 50) + k) * 7) + d] = (float)(Robots.PandaReady[d] + (0.3 * Math.Sin((0.05 * k) + t + d)) + (0.01 * rng.NextDouble()));
                }
            }
        }

        var anchor = new DemonstrationAnchor(7, new double[7], Enumerable.Repeat(0.5, 7).ToArray(), 0.2, points, ids);
        var nominal = new ResolvedRatePlanner(new KinematicsSolver(Robots.PandaChain));
        var fk = new KinematicsSolver(Robots.PandaChain);
        fk.Update(Robots.PandaReady);
        nominal.SetPoseGoal(fk.TipPose, fk.TipPose with { Translation = fk.TipPose.Translation + new Vec3(0.1, 0.1, -0.05) }, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        var planner = new DriftCorrectingPlanner(7, nominal, new AnchorPlanner(anchor));
        var filter = new SafetyFilter(
            new SafetyFilterOptions
            {
                Limits = Robots.PandaLimits.Limits,
                InputTimeouts = [TimeSpan.FromMilliseconds(50)],
                HeartbeatTimeout = TimeSpan.FromMilliseconds(500),
                Workspace = new WorkspaceBox(new Vec3(-0.2, -0.8, 0.05), new Vec3(0.9, 0.8, 1.2)),
                ArmProximity = new ArmProximityOptions(),
            },
            new KinematicsSolver(Robots.PandaChain));
        var scanPose = Transform3.FromXyzRpy(new Vec3(0.6, 0, 0.3), new Vec3(0, 0, Math.PI));
        return (new SafetyController(planner, new AuthorityBlender(), filter), new ScanProjector(scanPose, 1080));
    }

    internal static float[] Scan()
    {
        var ranges = new float[1080];
        for (var i = 0; i < ranges.Length; i++)
        {
            ranges[i] = (float)(0.8 + (0.4 * Math.Sin(i * 0.01)));
        }

        return ranges;
    }

    [Test]
    public void Full_planner_blend_filter_tick_for_the_panda_with_a_1080_point_scan_allocates_nothing()
    {
        var (controller, projector) = PandaController();
        var ranges = Scan();
        var q = Robots.PandaReady;
        double[] policy = [0.1, -0.05, 0.02, 0.1, 0, 0.05, -0.1];
        float[] observation = [0.1f, 0.2f, 0.3f];
        float[] mean = [0, 0, 0];
        float[] std = [1, 1, 1];
        TimeSpan[] stamps = [TimeSpan.Zero];
        var output = new double[7];
        var period = TimeSpan.FromMilliseconds(10);
        var pointCount = 0;

        void Tick(int k)
        {
            var now = TimeSpan.FromMilliseconds(10 * k);
            stamps[0] = now;
            var points = projector.Project(ranges, -Math.PI, 2 * Math.PI / 1080, 0.05, 10);
            pointCount = points.Length;
            var ood = OodScore.MeanSquaredZ(observation, mean, std);
            var input = new SafetyTickInput(now, q, default, now) { InputStamps = stamps, HeartbeatStamp = now, ObstaclePoints = points, ScanStamp = now };
            controller.Tick(period, policy, InferenceStatus.Ok, ood, double.NaN, input, output);
            for (var i = 0; i < 7; i++)
            {
                q[i] += output[i] * 0.01;
            }
        }

        for (var k = 0; k < 50; k++)
        {
            Tick(k);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 50; k < 250; k++)
        {
            Tick(k);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.Zero);
        Assert.That(pointCount, Is.EqualTo(1080));
    }

    [Test]
    public void Base_filter_tick_with_footprint_zones_and_a_360_beam_scan_allocates_nothing()
    {
        var zones = new FootprintZonesOptions
        {
            StopPolygon = Robots.BurgerBase.Footprint.Inflate(0.03),
            SlowdownPolygon = Robots.BurgerBase.Footprint.Inflate(0.2),
            ApproachFootprint = Robots.BurgerBase.Footprint,
        };
        var filter = new SafetyFilter(new SafetyFilterOptions { Limits = Robots.BurgerBase.AxisLimits, Footprint = zones });
        var projector = new ScanProjector(Transform3.FromTranslation(new Vec3(-0.032, 0, 0.172)), 360);
        var ranges = Enumerable.Range(0, 360).Select(i => (float)(0.6 + (0.3 * Math.Sin(i * 0.05)))).ToArray();
        var output = new double[2];
        double[] cmd = [0.2, 0.5];

        void Tick(int k)
        {
            var now = TimeSpan.FromMilliseconds(20 * k);
            var points = projector.Project(ranges, 0, 2 * Math.PI / 360, 0.12, 3.5);
            filter.Update(new SafetyTickInput(now, default, cmd, now) { ObstaclePoints = points, ScanStamp = now }, TimeSpan.FromMilliseconds(20), output);
        }

        for (var k = 0; k < 20; k++)
        {
            Tick(k);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 20; k < 220; k++)
        {
            Tick(k);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
