using Apprentice.Ros.Args;
using Apprentice.Safety.Geometry;

namespace Apprentice.Sim.Scene;

/// <summary>
/// Everything the reach simulation is configured with (config/sim/reach.yaml, node "sim"). Immutable; rates in Hz,
/// times as <see cref="TimeSpan"/>. <see cref="Load"/> resolves the scene and URDF paths relative to the YAML file.
/// </summary>
public sealed record ReachOptions
{
    /// <summary>MJCF scene file (absolute, or relative to the working directory).</summary>
    public string ScenePath { get; init; } = "config/sim/reach.xml";

    /// <summary>URDF with the scene's kinematics (for the expert and the safety layer).</summary>
    public string RobotDescriptionPath { get; init; } = "config/robots/panda.urdf";

    /// <summary>/joint_states rate [Hz]. Default 100.</summary>
    public double JointStateRateHz { get; init; } = 100;

    /// <summary>/scan rate [Hz]. Default 20.</summary>
    public double ScanRateHz { get; init; } = 20;

    /// <summary>/goal_pose rate [Hz]. Default 20.</summary>
    public double GoalRateHz { get; init; } = 20;

    /// <summary>/camera/image_raw rate [Hz]. Default 10.</summary>
    public double CameraRateHz { get; init; } = 10;

    /// <summary>/clock rate [Hz] (at least once per step batch). Default 100.</summary>
    public double ClockRateHz { get; init; } = 100;

    /// <summary>Commands older than this are dropped and the robot holds position. Default 0.2 s.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(0.2);

    /// <summary>Camera image width [px]. Default 96.</summary>
    public int CameraWidth { get; init; } = 96;

    /// <summary>Camera image height [px]. Default 96.</summary>
    public int CameraHeight { get; init; } = 96;

    /// <summary>Camera frame id. Default "camera_link".</summary>
    public string CameraFrameId { get; init; } = "camera_link";

    /// <summary>Episode parameters.</summary>
    public ReachTaskOptions Task { get; init; } = new();

    /// <summary>Scan geometry.</summary>
    public ScanOptions Scan { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the field when a value is out of range.</summary>
    public ReachOptions Validate()
    {
        foreach (var (rate, name) in new[] { (JointStateRateHz, "joint_state_rate_hz"), (ScanRateHz, "scan_rate_hz"), (GoalRateHz, "goal_rate_hz"), (CameraRateHz, "camera_rate_hz"), (ClockRateHz, "clock_rate_hz") })
        {
            ReachTaskOptions.Require(rate > 0 && rate <= 1000, name, "must be in (0, 1000] Hz");
        }

        ReachTaskOptions.Require(CommandTimeout > TimeSpan.Zero, "command_timeout_s", "must be positive");
        ReachTaskOptions.Require(CameraWidth is > 0 and <= 1024 && CameraHeight is > 0 and <= 1024, "camera.width/height", "must be in [1, 1024]");
        Task.Validate();
        Scan.Validate();
        return this;
    }

    /// <summary>Reads config/sim/reach.yaml-style parameters (block "sim").</summary>
    /// <exception cref="Physics.SceneLoadException">The file is missing or a value has the wrong type.</exception>
    public static ReachOptions Load(string yamlPath)
    {
        ArgumentNullException.ThrowIfNull(yamlPath);
        if (!File.Exists(yamlPath))
        {
            throw new Physics.SceneLoadException($"Simulation parameter file '{yamlPath}' does not exist; the default lives in config/sim/reach.yaml.");
        }

        IReadOnlyDictionary<string, RosParameterValue> p;
        try
        {
            p = ParamsFile.Load(yamlPath).For("/sim");
        }
        catch (RosArgumentException e)
        {
            throw new Physics.SceneLoadException(e.Message, e);
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(yamlPath)) ?? ".";
        var reader = new Reader(p, yamlPath);
        var d = new ReachOptions();
        var task = d.Task;
        var scan = d.Scan;
        return new ReachOptions
        {
            ScenePath = Path.GetFullPath(Path.Combine(dir, reader.String("scene", "reach.xml"))),
            RobotDescriptionPath = Path.GetFullPath(Path.Combine(dir, reader.String("robot_description", "../robots/panda.urdf"))),
            JointStateRateHz = reader.Double("joint_state_rate_hz", d.JointStateRateHz),
            ScanRateHz = reader.Double("scan_rate_hz", d.ScanRateHz),
            GoalRateHz = reader.Double("goal_rate_hz", d.GoalRateHz),
            CameraRateHz = reader.Double("camera_rate_hz", d.CameraRateHz),
            ClockRateHz = reader.Double("clock_rate_hz", d.ClockRateHz),
            CommandTimeout = TimeSpan.FromSeconds(reader.Double("command_timeout_s", d.CommandTimeout.TotalSeconds)),
            CameraWidth = (int)reader.Double("camera.width", d.CameraWidth),
            CameraHeight = (int)reader.Double("camera.height", d.CameraHeight),
            CameraFrameId = reader.String("camera.frame_id", d.CameraFrameId),
            Task = new ReachTaskOptions
            {
                Home = reader.Doubles("task.home", 7) ?? task.Home,
                HomeNoiseRad = reader.Double("task.home_noise_rad", task.HomeNoiseRad),
                TargetMin = reader.Vec("task.target_min") ?? task.TargetMin,
                TargetMax = reader.Vec("task.target_max") ?? task.TargetMax,
                SuccessRadiusM = reader.Double("task.success_radius_m", task.SuccessRadiusM),
                Hold = TimeSpan.FromSeconds(reader.Double("task.hold_s", task.Hold.TotalSeconds)),
                TimeLimit = TimeSpan.FromSeconds(reader.Double("task.time_limit_s", task.TimeLimit.TotalSeconds)),
                ObstaclePark = reader.Vec("task.obstacle_park") ?? task.ObstaclePark,
            },
            Scan = new ScanOptions
            {
                FrameId = reader.String("scan.frame_id", scan.FrameId),
                BaseToScan = reader.Vec("scan.base_to_scan_xyz") ?? scan.BaseToScan,
                AngleMinRad = reader.Double("scan.angle_min_rad", scan.AngleMinRad),
                RayCount = (int)reader.Double("scan.ray_count", scan.RayCount),
                RangeMinM = reader.Double("scan.range_min_m", scan.RangeMinM),
                RangeMaxM = reader.Double("scan.range_max_m", scan.RangeMaxM),
            },
        }.Validate();
    }

    private sealed class Reader(IReadOnlyDictionary<string, RosParameterValue> p, string file)
    {
        public double Double(string name, double fallback) => p.TryGetValue(name, out var v)
            ? v.Value switch
            {
                double d => d,
                long l => l,
                _ => throw Wrong(name, "a number"),
            }
            : fallback;

        public string String(string name, string fallback) =>
            p.TryGetValue(name, out var v) ? v.Value as string ?? throw Wrong(name, "a string") : fallback;

        public double[]? Doubles(string name, int count)
        {
            if (!p.TryGetValue(name, out var v))
            {
                return null;
            }

            var values = v.Value switch
            {
                double[] d => d,
                long[] l => l.Select(x => (double)x).ToArray(),
                _ => throw Wrong(name, $"a list of {count} numbers"),
            };
            return values.Length == count ? values : throw Wrong(name, $"a list of {count} numbers");
        }

        public Vec3? Vec(string name) => Doubles(name, 3) is { } d ? new Vec3(d[0], d[1], d[2]) : null;

        private Physics.SceneLoadException Wrong(string name, string what) => new($"Simulation parameter file '{file}': 'sim.{name}' must be {what}.");
    }
}
