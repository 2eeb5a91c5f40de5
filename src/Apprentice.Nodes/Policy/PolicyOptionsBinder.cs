using Apprentice.Core;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Policy;

/// <summary>Reads the documented parameters into <see cref="PolicyNodeOptions"/> and checks what can be checked without files.</summary>
internal static class PolicyOptionsBinder
{
    public static PolicyNodeOptions Bind(PolicyParameterReader r)
    {
        var provider = r.String("model.provider");
        if (provider is not ("cpu" or "cuda"))
        {
            throw new ConfigurationException("model.provider", "must be cpu or cuda (got '" + provider + "').");
        }

        var warmup = r.Integer("model.warmup_runs");
        if (warmup is < 0 or > 10_000)
        {
            throw new ConfigurationException("model.warmup_runs", "must be within 0..10000.");
        }

        var model = new ModelOptions(r.String("model.path"), provider, (int)warmup);
        var budget = r.NonNegative("control.budget_s");
        var skew = r.NonNegative("control.max_input_skew_s");
        var control = new ControlOptions(r.NonNegative("control.rate_hz"), budget > 0 ? TimeSpan.FromSeconds(budget) : null, skew > 0 ? TimeSpan.FromSeconds(skew) : null);
        var joints = r.Strings("robot.joint_names");
        if (joints.Length == 0 || joints.Any(string.IsNullOrWhiteSpace) || joints.Distinct(StringComparer.Ordinal).Count() != joints.Length)
        {
            throw new ConfigurationException("robot.joint_names", "needs the commanded joints, each once and non-empty, in command order.");
        }

        var robot = new RobotOptions(r.String("robot.urdf_path"), r.String("robot.joint_limits_path"), joints, r.String("robot.base_link"), r.String("robot.tip_link"));
        var inputs = new InputsOptions
        {
            JointStates = Input(r, "joint_states", "sensor_msgs/msg/JointState"),
            Camera = Input(r, "camera", "sensor_msgs/msg/Image", "sensor_msgs/msg/CompressedImage"),
            Lidar = Input(r, "lidar", "sensor_msgs/msg/LaserScan", "sensor_msgs/msg/PointCloud2"),
            Reference = Input(r, "reference", "geometry_msgs/msg/PoseStamped", "geometry_msgs/msg/PointStamped", "std_msgs/msg/Float64MultiArray"),
            SpeedScaling = Input(r, "speed_scaling", "std_msgs/msg/Float64"),
            Heartbeat = Input(r, "heartbeat"),
            CameraMaxBytes = (int)Math.Clamp(r.Integer("inputs.camera.max_bytes"), 1, int.MaxValue / 2),
            LidarMaxPoints = (int)Math.Clamp(r.Integer("inputs.lidar.max_points"), 1, 1 << 22),
            ScanInBaseXyz = r.Doubles("inputs.lidar.scan_in_base_xyz", 3),
            ScanInBaseRpy = r.Doubles("inputs.lidar.scan_in_base_rpy", 3),
            LidarRangeMinM = r.NonNegative("inputs.lidar.range_min_m"),
            LidarRangeMaxM = r.Positive("inputs.lidar.range_max_m"),
        };
        var takeover = new TakeoverOptions(
            r.String("takeover.name"),
            new InputOptions(r.String("takeover.topic"), r.String("takeover.type"), Qos(r, "takeover.qos"), r.Seconds("takeover.timeout_s")),
            (int)r.Integer("takeover.priority"));
        Allowed("takeover.type", takeover.Input.Type, "std_msgs/msg/Float64MultiArray", "geometry_msgs/msg/Twist", "geometry_msgs/msg/TwistStamped");
        if (takeover.Input.Enabled && takeover.Priority <= 0)
        {
            throw new ConfigurationException("takeover.priority", "must exceed the policy's priority 0 for the takeover to win.");
        }

        return new PolicyNodeOptions
        {
            Model = model,
            Control = control,
            Robot = robot,
            Inputs = inputs,
            Takeover = takeover,
            Output = Output(r),
            Safety = Safety(r),
            DiagnosticsPeriod = r.Seconds("diagnostics.period_s"),
        };
    }

    private static OutputOptions Output(PolicyParameterReader r)
    {
        var kindText = r.String("output.kind");
        var kind = kindText switch
        {
            "joint_trajectory" => OutputKind.JointTrajectory,
            "float64_multi_array" => OutputKind.Float64MultiArray,
            "twist_stamped" => OutputKind.TwistStamped,
            "twist" => OutputKind.Twist,
            _ => throw new ConfigurationException("output.kind", "must be joint_trajectory, float64_multi_array, twist_stamped or twist (got '" + kindText + "')."),
        };
        var modeText = r.String("output.mode");
        var mode = (kind, modeText) switch
        {
            (OutputKind.JointTrajectory, "single") => OutputMode.Single,
            (OutputKind.JointTrajectory, "chunk") => OutputMode.Chunk,
            (OutputKind.Float64MultiArray, "velocity") => OutputMode.Velocity,
            (OutputKind.Float64MultiArray, "position") => OutputMode.Position,
            (OutputKind.Twist or OutputKind.TwistStamped, "velocity") => OutputMode.Velocity,
            _ => throw new ConfigurationException("output.mode", "'" + modeText + "' does not fit output.kind " + kindText + " (joint_trajectory: single|chunk; float64_multi_array: velocity|position; twist kinds: velocity)."),
        };
        var topic = r.String("output.topic");
        if (topic.Length == 0)
        {
            throw new ConfigurationException("output.topic", "must name the command topic.");
        }

        return new OutputOptions(kind, mode, topic, r.String("output.frame_id"));
    }

    private static SafetySettings Safety(PolicyParameterReader r)
    {
        var s = new SafetySettings
        {
            Blending = r.Bool("safety.blending"),
            InitialAlpha = r.NonNegative("safety.initial_alpha"),
            AlphaRisePerSec = r.Positive("safety.alpha_rise_per_s"),
            AlphaFallPerSec = r.Positive("safety.alpha_fall_per_s"),
            MaxAlpha = r.NonNegative("safety.max_alpha"),
            AnchorPath = r.String("safety.anchor_path"),
            PlannerSpeedMPerSec = r.Positive("safety.planner_speed_m_per_s"),
            ArmProximity = r.Bool("safety.arm_proximity"),
            StopDistanceM = r.NonNegative("safety.stop_distance_m"),
            SlowdownDistanceM = r.Positive("safety.slowdown_distance_m"),
            HaltDeceleration = r.Positive("safety.halt_deceleration"),
            BaseMaxLinear = r.Positive("safety.base_max_linear_m_per_s"),
            BaseMaxAngular = r.Positive("safety.base_max_angular_rad_per_s"),
            BaseMaxAcceleration = r.Positive("safety.base_max_acceleration"),
        };
        if (s.InitialAlpha > 1)
        {
            throw new ConfigurationException("safety.initial_alpha", "must be within [0, 1].");
        }

        if (s.SlowdownDistanceM <= s.StopDistanceM)
        {
            throw new ConfigurationException("safety.slowdown_distance_m", "must exceed safety.stop_distance_m.");
        }

        return s;
    }

    private static InputOptions Input(PolicyParameterReader r, string role, params string[] types)
    {
        var prefix = "inputs." + role + ".";
        var input = new InputOptions(r.String(prefix + "topic"), r.String(prefix + "type"), Qos(r, prefix + "qos"), r.Seconds(prefix + "timeout_s"));
        if (input.Enabled && types.Length > 0)
        {
            Allowed(prefix + "type", input.Type, types);
        }

        return input;
    }

    private static string Qos(PolicyParameterReader r, string name)
    {
        var text = r.String(name);
        try
        {
            _ = QosProfiles.ByName(text);
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException(name, e.Message);
        }

        return text;
    }

    private static void Allowed(string name, string value, params string[] types)
    {
        if (!types.Contains(value, StringComparer.Ordinal))
        {
            throw new ConfigurationException(name, "'" + value + "' is not supported; use " + string.Join(" or ", types) + ".");
        }
    }
}
