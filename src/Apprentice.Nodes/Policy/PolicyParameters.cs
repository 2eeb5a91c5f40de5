using Apprentice.Core;
using Apprentice.Ros.Args;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// The policy node's ROS parameters: the documented table (<see cref="All"/>, mirrored in
/// <c>config/policy_node.yaml</c>) and the binding into <see cref="PolicyNodeOptions"/>.
/// </summary>
public static class PolicyParameters
{
    /// <summary>Every parameter, with default and description (unit included).</summary>
    public static IReadOnlyList<PolicyParameter> All { get; } =
    [
        S("model.path", "", "Policy .onnx file with its policy card in the metadata (required)."),
        S("model.provider", "cpu", "ONNX Runtime execution provider: cpu or cuda (falls back to cpu with a logged reason)."),
        I("model.warmup_runs", 10, "Inferences run during configure before the node reports inactive [count]."),
        D("control.rate_hz", 0, "Control rate [Hz]; 0 takes the policy card's control_rate_hz."),
        D("control.budget_s", 0, "Inference budget per tick [s]; 0 = 80 % of the period."),
        D("control.max_input_skew_s", 0.1, "Largest header-stamp spread between time-aligned inputs [s]; 0 turns the check off."),
        S("robot.urdf_path", "", "Robot URDF (limits, kinematics, collision spheres); empty for mobile bases with twist output."),
        S("robot.joint_limits_path", "", "ros2_control joint_limits YAML that may only tighten the URDF; empty = URDF limits."),
        A("robot.joint_names", [], "Commanded joints in command order; must equal the card's action joints (for bases: the twist axes)."),
        S("robot.base_link", "base_link", "Base frame of the kinematic chain (planner, proximity, reference frame)."),
        S("robot.tip_link", "tool0", "Tool frame the planner moves toward the reference position."),
        .. Input("joint_states", "/joint_states", "sensor_msgs/msg/JointState", "default", 0.1, "sensor_msgs/msg/JointState"),
        .. Input("camera", "", "sensor_msgs/msg/Image", "sensor_data", 0.5, "sensor_msgs/msg/Image or sensor_msgs/msg/CompressedImage"),
        I("inputs.camera.max_bytes", 1920 * 1080 * 3, "Largest camera frame stored [bytes]; larger frames are rejected and counted."),
        .. Input("lidar", "", "sensor_msgs/msg/LaserScan", "sensor_data", 0.2, "sensor_msgs/msg/LaserScan or sensor_msgs/msg/PointCloud2"),
        I("inputs.lidar.max_points", 4096, "Largest scan or cloud stored [points]; larger ones are rejected and counted."),
        DA("inputs.lidar.scan_in_base_xyz", [0, 0, 0], "Fixed translation of the scanner frame in robot.base_link [m] (x, y, z)."),
        DA("inputs.lidar.scan_in_base_rpy", [0, 0, 0], "Fixed rotation of the scanner frame in robot.base_link [rad] (roll, pitch, yaw)."),
        D("inputs.lidar.range_min_m", 0.05, "LiDAR bins fed to the policy: nearest range written [m]."),
        D("inputs.lidar.range_max_m", 10, "LiDAR bins fed to the policy: farthest range written, and the value of empty bins [m]."),
        .. Input("reference", "", "geometry_msgs/msg/PoseStamped", "default", 1.0, "geometry_msgs/msg/PoseStamped, geometry_msgs/msg/PointStamped or std_msgs/msg/Float64MultiArray (joint target)"),
        .. Input("speed_scaling", "", "std_msgs/msg/Float64", "default", 1.0, "std_msgs/msg/Float64 in [0, 1]"),
        .. Input("heartbeat", "", "std_msgs/msg/Empty", "default", 0.5, "any message type; a stale heartbeat halts"),
        S("takeover.name", "teleop", "Name of the takeover input, published as Intervention.source."),
        S("takeover.topic", "", "Human takeover command topic; empty disables takeover."),
        S("takeover.type", "std_msgs/msg/Float64MultiArray", "Takeover type: std_msgs/msg/Float64MultiArray (joint velocities [rad/s]), geometry_msgs/msg/Twist or geometry_msgs/msg/TwistStamped (bases)."),
        S("takeover.qos", "default", "QoS profile of the takeover subscription (default, sensor_data, system_default)."),
        D("takeover.timeout_s", 0.2, "A takeover command older than this hands control back to the policy [s]."),
        I("takeover.priority", 100, "twist_mux-style priority of the takeover input; must exceed the policy's 0."),
        S("output.kind", "float64_multi_array", "Command message: joint_trajectory, float64_multi_array, twist_stamped or twist."),
        S("output.mode", "velocity", "joint_trajectory: single or chunk; float64_multi_array: velocity or position; twist kinds: velocity."),
        S("output.topic", "/forward_velocity_controller/commands", "Command topic."),
        S("output.frame_id", "", "header.frame_id of stamped outputs (TwistStamped, JointTrajectory)."),
        B("safety.blending", true, "Blend policy and planner by the authority alpha; false sends the policy through the filter alone."),
        D("safety.initial_alpha", 0, "Policy authority alpha at activation [0..1]."),
        D("safety.alpha_rise_per_s", 0.5, "Largest rise of alpha [1/s]."),
        D("safety.alpha_fall_per_s", 5, "Largest fall of alpha [1/s]."),
        D("safety.max_alpha", 1, "Largest policy authority alpha [0..1]; below 1 the planner always keeps a share of the command."),
        S("safety.anchor_path", "", "Demonstration anchor file for drift correction; empty = none."),
        D("safety.planner_speed_m_per_s", 0.2, "Tool speed of the planner's minimum-jerk path toward the reference position [m/s]."),
        B("safety.arm_proximity", true, "Slow and stop arm links near LiDAR points (needs inputs.lidar and robot.urdf_path)."),
        D("safety.stop_distance_m", 0.05, "Obstacle distance at which approach stops [m]."),
        D("safety.slowdown_distance_m", 0.30, "Obstacle distance where slowing starts [m]."),
        D("safety.halt_deceleration", 5, "Smooth-halt deceleration for axes without a deceleration limit [rad/s^2 or m/s^2]."),
        D("safety.base_max_linear_m_per_s", 0.5, "Twist outputs: linear speed limit [m/s]."),
        D("safety.base_max_angular_rad_per_s", 1, "Twist outputs: turn-rate limit [rad/s]."),
        D("safety.base_max_acceleration", 1, "Twist outputs: acceleration limit [m/s^2 and rad/s^2]."),
        D("diagnostics.period_s", 1, "Period of /diagnostics and of the intervention heartbeat [s]."),
    ];

    /// <summary>Binds and validates the options from parameter values (defaults for those absent).</summary>
    /// <exception cref="ConfigurationException">An unknown parameter, a wrong type or an invalid value; the message names the parameter.</exception>
    public static PolicyNodeOptions Bind(IReadOnlyDictionary<string, RosParameterValue> values) => Bind(values, out _);

    internal static PolicyNodeOptions Bind(IReadOnlyDictionary<string, RosParameterValue> values, out IReadOnlySet<string> read)
    {
        ArgumentNullException.ThrowIfNull(values);
        var r = new PolicyParameterReader(All, values);
        var options = PolicyOptionsBinder.Bind(r);
        read = r.Read;
        return options;
    }

    private static PolicyParameter S(string name, string value, string description) => new(name, new(RosParameterType.String, value), description);

    private static PolicyParameter D(string name, double value, string description) => new(name, new(RosParameterType.Double, value), description);

    private static PolicyParameter I(string name, long value, string description) => new(name, new(RosParameterType.Integer, value), description);

    private static PolicyParameter B(string name, bool value, string description) => new(name, new(RosParameterType.Bool, value), description);

    private static PolicyParameter A(string name, string[] value, string description) => new(name, new(RosParameterType.StringArray, value), description);

    private static PolicyParameter DA(string name, double[] value, string description) => new(name, new(RosParameterType.DoubleArray, value), description);

    private static PolicyParameter[] Input(string role, string topic, string type, string qos, double timeout, string types) =>
    [
        S("inputs." + role + ".topic", topic, "Topic of the " + role + " input; empty disables it."),
        S("inputs." + role + ".type", type, "Message type: " + types + "."),
        S("inputs." + role + ".qos", qos, "QoS profile of the subscription (default, sensor_data, system_default)."),
        D("inputs." + role + ".timeout_s", timeout, "Age after which the " + role + " input is stale and the robot halts smoothly [s]."),
    ];
}
