namespace Apprentice.Nodes.Policy;

/// <summary>
/// Everything the policy node is configured with, bound from its ROS parameters
/// (<see cref="PolicyParameters"/>, documented in <c>config/policy_node.yaml</c>) and validated once
/// by <see cref="PolicyParameters.Bind"/>. Immutable.
/// </summary>
public sealed record PolicyNodeOptions
{
    /// <summary>The model file and runtime.</summary>
    public required ModelOptions Model { get; init; }

    /// <summary>Control rate and budget.</summary>
    public required ControlOptions Control { get; init; }

    /// <summary>Robot description and commanded joints.</summary>
    public required RobotOptions Robot { get; init; }

    /// <summary>Sensor and reference inputs.</summary>
    public required InputsOptions Inputs { get; init; }

    /// <summary>Human takeover input (disabled when its topic is empty).</summary>
    public required TakeoverOptions Takeover { get; init; }

    /// <summary>Command output.</summary>
    public required OutputOptions Output { get; init; }

    /// <summary>Planner, blending and safety filter.</summary>
    public required SafetySettings Safety { get; init; }

    /// <summary>Period of <c>/diagnostics</c> and of the intervention heartbeat. Default 1 s.</summary>
    public TimeSpan DiagnosticsPeriod { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>Model file and ONNX Runtime settings.</summary>
/// <param name="Path">The <c>.onnx</c> policy with its card (<c>model.path</c>).</param>
/// <param name="Provider"><c>cpu</c> or <c>cuda</c> (<c>model.provider</c>).</param>
/// <param name="WarmupRuns">Inferences run during configure (<c>model.warmup_runs</c>).</param>
public sealed record ModelOptions(string Path, string Provider, int WarmupRuns);

/// <summary>Control loop timing.</summary>
/// <param name="RateHz">Control rate [Hz]; 0 takes the card's rate (<c>control.rate_hz</c>).</param>
/// <param name="Budget">Inference budget per tick; null = 80 % of the period (<c>control.budget_s</c>).</param>
/// <param name="MaxInputSkew">Largest header-stamp spread between inputs; null = unchecked (<c>control.max_input_skew_s</c>).</param>
public sealed record ControlOptions(double RateHz, TimeSpan? Budget, TimeSpan? MaxInputSkew);

/// <summary>Robot description.</summary>
/// <param name="UrdfPath">URDF file (<c>robot.urdf_path</c>); empty for mobile bases.</param>
/// <param name="JointLimitsPath">ros2_control joint_limits YAML (<c>robot.joint_limits_path</c>); empty = URDF limits only.</param>
/// <param name="JointNames">Commanded joints, in command order (<c>robot.joint_names</c>).</param>
/// <param name="BaseLink">Base frame of the kinematic chain (<c>robot.base_link</c>).</param>
/// <param name="TipLink">Tool frame (<c>robot.tip_link</c>).</param>
public sealed record RobotOptions(string UrdfPath, string JointLimitsPath, IReadOnlyList<string> JointNames, string BaseLink, string TipLink);

/// <summary>One subscribed input.</summary>
/// <param name="Topic">Topic; empty disables the input.</param>
/// <param name="Type">ROS type, e.g. <c>sensor_msgs/msg/LaserScan</c>.</param>
/// <param name="Qos">QoS profile name (<c>default</c>, <c>sensor_data</c>, …).</param>
/// <param name="Timeout">Age after which the input is stale.</param>
public sealed record InputOptions(string Topic, string Type, string Qos, TimeSpan Timeout)
{
    /// <summary>Whether the input is configured.</summary>
    public bool Enabled => Topic.Length > 0;
}

/// <summary>All inputs of the node.</summary>
public sealed record InputsOptions
{
    /// <summary><c>sensor_msgs/JointState</c>.</summary>
    public required InputOptions JointStates { get; init; }

    /// <summary>Camera: <c>Image</c> or <c>CompressedImage</c>.</summary>
    public required InputOptions Camera { get; init; }

    /// <summary>LiDAR: <c>LaserScan</c> or <c>PointCloud2</c>.</summary>
    public required InputOptions Lidar { get; init; }

    /// <summary>Reference: <c>PoseStamped</c>, <c>PointStamped</c> or <c>Float64MultiArray</c> (joint target).</summary>
    public required InputOptions Reference { get; init; }

    /// <summary>Speed scaling <c>std_msgs/Float64</c> in [0, 1].</summary>
    public required InputOptions SpeedScaling { get; init; }

    /// <summary>Heartbeat: any message type; each sample proves the supervisor alive.</summary>
    public required InputOptions Heartbeat { get; init; }

    /// <summary>Largest camera frame [bytes] stored (<c>inputs.camera.max_bytes</c>).</summary>
    public int CameraMaxBytes { get; init; } = 1920 * 1080 * 3;

    /// <summary>Largest scan/cloud [points] stored (<c>inputs.lidar.max_points</c>).</summary>
    public int LidarMaxPoints { get; init; } = 4096;

    /// <summary>Scanner pose in the robot base frame: translation [m] (<c>inputs.lidar.scan_in_base_xyz</c>).</summary>
    public IReadOnlyList<double> ScanInBaseXyz { get; init; } = [0, 0, 0];

    /// <summary>Scanner pose in the robot base frame: roll, pitch, yaw [rad] (<c>inputs.lidar.scan_in_base_rpy</c>).</summary>
    public IReadOnlyList<double> ScanInBaseRpy { get; init; } = [0, 0, 0];

    /// <summary>LiDAR bins for the policy: nearest range written [m] (<c>inputs.lidar.range_min_m</c>).</summary>
    public double LidarRangeMinM { get; init; } = 0.05;

    /// <summary>LiDAR bins for the policy: farthest range written [m] (<c>inputs.lidar.range_max_m</c>).</summary>
    public double LidarRangeMaxM { get; init; } = 10;
}

/// <summary>The human takeover input, twist_mux style.</summary>
/// <param name="Name">Label published in <c>Intervention.source</c> (<c>takeover.name</c>).</param>
/// <param name="Input">Topic, type (<c>Float64MultiArray</c> joint velocities, <c>Twist</c> or <c>TwistStamped</c>), QoS and timeout.</param>
/// <param name="Priority">twist_mux-style priority; must exceed the policy's 0 to take over (<c>takeover.priority</c>).</param>
public sealed record TakeoverOptions(string Name, InputOptions Input, int Priority);

/// <summary>What the node publishes.</summary>
/// <param name="Kind">Message kind.</param>
/// <param name="Mode">Mode within the kind (single/chunk trajectory; position/velocity array).</param>
/// <param name="Topic">Output topic.</param>
/// <param name="FrameId">Header frame of stamped outputs.</param>
public sealed record OutputOptions(OutputKind Kind, OutputMode Mode, string Topic, string FrameId);

/// <summary>Command message kinds.</summary>
public enum OutputKind
{
    /// <summary><c>trajectory_msgs/JointTrajectory</c> for JointTrajectoryController.</summary>
    JointTrajectory,

    /// <summary><c>std_msgs/Float64MultiArray</c> for forward_command_controller.</summary>
    Float64MultiArray,

    /// <summary><c>geometry_msgs/TwistStamped</c> for a mobile base.</summary>
    TwistStamped,

    /// <summary><c>geometry_msgs/Twist</c> for a mobile base.</summary>
    Twist,
}

/// <summary>Mode within an output kind.</summary>
public enum OutputMode
{
    /// <summary>Velocities (arrays and twists).</summary>
    Velocity,

    /// <summary>Positions integrated from the safe velocities (arrays).</summary>
    Position,

    /// <summary>One trajectory point per tick.</summary>
    Single,

    /// <summary>The whole action chunk as trajectory points.</summary>
    Chunk,
}

/// <summary>Safety planner, blending and filter settings.</summary>
public sealed record SafetySettings
{
    /// <summary>Blend the policy with the planner by authority α (<c>safety.blending</c>). Default true.</summary>
    public bool Blending { get; init; } = true;

    /// <summary>α at activation (<c>safety.initial_alpha</c>). Default 0.</summary>
    public double InitialAlpha { get; init; }

    /// <summary>Largest rise of α [1/s] (<c>safety.alpha_rise_per_s</c>). Default 0.5.</summary>
    public double AlphaRisePerSec { get; init; } = 0.5;

    /// <summary>Largest fall of α [1/s] (<c>safety.alpha_fall_per_s</c>). Default 5.</summary>
    public double AlphaFallPerSec { get; init; } = 5;

    /// <summary>Largest policy authority α [0..1] (<c>safety.max_alpha</c>); below 1 the planner always keeps a share. Default 1.</summary>
    public double MaxAlpha { get; init; } = 1;

    /// <summary>Demonstration anchor file (<c>safety.anchor_path</c>); empty = none.</summary>
    public string AnchorPath { get; init; } = string.Empty;

    /// <summary>Planner tool speed toward the reference [m/s] (<c>safety.planner_speed_m_per_s</c>). Default 0.2.</summary>
    public double PlannerSpeedMPerSec { get; init; } = 0.2;

    /// <summary>Arm link proximity to LiDAR points (<c>safety.arm_proximity</c>). Default true (needs the LiDAR).</summary>
    public bool ArmProximity { get; init; } = true;

    /// <summary>Obstacle stop distance [m] (<c>safety.stop_distance_m</c>). Default 0.05.</summary>
    public double StopDistanceM { get; init; } = 0.05;

    /// <summary>Obstacle slowdown distance [m] (<c>safety.slowdown_distance_m</c>). Default 0.30.</summary>
    public double SlowdownDistanceM { get; init; } = 0.30;

    /// <summary>Smooth-halt deceleration when the limits give none [rad/s² or m/s²] (<c>safety.halt_deceleration</c>). Default 5.</summary>
    public double HaltDeceleration { get; init; } = 5;

    /// <summary>Base speed limit for twist outputs [m/s] (<c>safety.base_max_linear_m_per_s</c>). Default 0.5.</summary>
    public double BaseMaxLinear { get; init; } = 0.5;

    /// <summary>Base turn-rate limit for twist outputs [rad/s] (<c>safety.base_max_angular_rad_per_s</c>). Default 1.</summary>
    public double BaseMaxAngular { get; init; } = 1;

    /// <summary>Base acceleration limit for twist outputs [m/s² and rad/s²] (<c>safety.base_max_acceleration</c>). Default 1.</summary>
    public double BaseMaxAcceleration { get; init; } = 1;
}
