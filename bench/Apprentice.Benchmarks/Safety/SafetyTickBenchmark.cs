using Apprentice.Safety.Blending;
using Apprentice.Safety.Control;
using Apprentice.Safety.Filter;
using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Limits;
using Apprentice.Safety.Model;
using Apprentice.Safety.Planner;
using Apprentice.Safety.Zones;
using BenchmarkDotNet.Attributes;

namespace Apprentice.Benchmarks.Safety;

/// <summary>
/// One full safety tick for the Franka Panda (config/robots/panda.urdf): LiDAR projection of a 1080-beam scan,
/// resolved-rate + demonstration-anchor planner, authority blend and safety filter with workspace and proximity zones.
/// </summary>
[MemoryDiagnoser]
public class SafetyTickBenchmark
{
    private SafetyController _controller = null!;
    private ScanProjector _projector = null!;
    private readonly float[] _ranges = new float[1080];
    private readonly double[] _q = [0, -Math.PI / 4, 0, -3 * Math.PI / 4, 0, Math.PI / 2, Math.PI / 4];
    private readonly double[] _policy = [0.1, -0.05, 0.02, 0.1, 0, 0.05, -0.1];
    private readonly double[] _output = new double[7];
    private readonly TimeSpan[] _stamps = [TimeSpan.Zero];
    private long _tick;

    /// <summary>Builds the robot, planner and filter.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var root = FindRepo();
        var robot = UrdfParser.Parse(File.ReadAllText(Path.Combine(root, "config", "robots", "panda.urdf")), "panda.urdf");
        var chain = KinematicChain.Create(robot, "panda_link0", "panda_hand_tcp");
        var limits = JointLimitsMerger.Merge(robot, chain.VariableNames, new Dictionary<string, string>
        {
            // The published acceleration and jerk limits (config/robots/panda_joint_limits.yaml), inlined to keep the bench YAML-free.
            ["joint_limits.panda_joint1.max_acceleration"] = "15", ["joint_limits.panda_joint2.max_acceleration"] = "7.5",
            ["joint_limits.panda_joint3.max_acceleration"] = "10", ["joint_limits.panda_joint4.max_acceleration"] = "12.5",
            ["joint_limits.panda_joint5.max_acceleration"] = "15", ["joint_limits.panda_joint6.max_acceleration"] = "20",
            ["joint_limits.panda_joint7.max_acceleration"] = "20", ["joint_limits.panda_joint1.max_jerk"] = "7500",
            ["joint_limits.panda_joint2.max_jerk"] = "3750", ["joint_limits.panda_joint3.max_jerk"] = "5000",
            ["joint_limits.panda_joint4.max_jerk"] = "6250", ["joint_limits.panda_joint5.max_jerk"] = "7500",
            ["joint_limits.panda_joint6.max_jerk"] = "10000", ["joint_limits.panda_joint7.max_jerk"] = "10000",
        }).Limits;

        var points = new float[20 * 50 * 7];
        var ids = new int[20 * 50];
        for (var k = 0; k < ids.Length; k++)
        {
            ids[k] = k / 50;
            for (var d = 0; d < 7; d++)
            {
                points[(k * 7) + d] = (float)(_q[d] + (0.3 * Math.Sin((0.05 * (k % 50)) + (k / 50) + d)));
            }
        }

        var anchor = new DemonstrationAnchor(7, new double[7], Enumerable.Repeat(0.5, 7).ToArray(), 0.2, points, ids);
        var nominal = new ResolvedRatePlanner(new KinematicsSolver(chain));
        var fk = new KinematicsSolver(chain);
        fk.Update(_q);
        nominal.SetPoseGoal(fk.TipPose, fk.TipPose with { Translation = fk.TipPose.Translation + new Vec3(0.1, 0.1, -0.05) }, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        var filter = new SafetyFilter(
            new SafetyFilterOptions
            {
                Limits = limits,
                InputTimeouts = [TimeSpan.FromMilliseconds(50)],
                Workspace = new WorkspaceBox(new Vec3(-0.2, -0.8, 0.05), new Vec3(0.9, 0.8, 1.2)),
                ArmProximity = new ArmProximityOptions(),
            },
            new KinematicsSolver(chain));
        _controller = new SafetyController(new DriftCorrectingPlanner(7, nominal, new AnchorPlanner(anchor)), new AuthorityBlender(), filter);
        _projector = new ScanProjector(Transform3.FromXyzRpy(new Vec3(0.6, 0, 0.3), new Vec3(0, 0, Math.PI)), 1080);
        for (var i = 0; i < _ranges.Length; i++)
        {
            _ranges[i] = (float)(0.8 + (0.4 * Math.Sin(i * 0.01)));
        }
    }

    /// <summary>One tick at 100 Hz (the arm holds its pose so every tick does the same work).</summary>
    [Benchmark]
    public double Tick()
    {
        var now = TimeSpan.FromMilliseconds(10 * _tick++);
        _stamps[0] = now;
        var points = _projector.Project(_ranges, -Math.PI, 2 * Math.PI / 1080, 0.05, 10);
        var input = new SafetyTickInput(now, _q, default, now) { InputStamps = _stamps, ObstaclePoints = points, ScanStamp = now };
        _controller.Tick(TimeSpan.FromMilliseconds(10), _policy, InferenceStatus.Ok, 0.5, double.NaN, input, _output);
        return _output[0];
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Apprentice.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Apprentice.sln not found above " + AppContext.BaseDirectory);
    }
}
