namespace Apprentice.Sim.Nodes;

/// <summary>Topic names of the reach simulation (spec-s2.md).</summary>
public static class SimTopics
{
    /// <summary>sensor_msgs/JointState, 100 Hz.</summary>
    public const string JointStates = "/joint_states";

    /// <summary>sensor_msgs/LaserScan, 20 Hz.</summary>
    public const string Scan = "/scan";

    /// <summary>geometry_msgs/PoseStamped (target in panda_link0), 20 Hz.</summary>
    public const string GoalPose = "/goal_pose";

    /// <summary>rosgraph_msgs/Clock.</summary>
    public const string Clock = "/clock";

    /// <summary>sensor_msgs/Image rgb8.</summary>
    public const string Camera = "/camera/image_raw";

    /// <summary>std_msgs/Float64MultiArray, 7 joint velocities [rad/s].</summary>
    public const string VelocityCommands = "/forward_velocity_controller/commands";

    /// <summary>std_msgs/Float64MultiArray, 7 joint positions [rad].</summary>
    public const string PositionCommands = "/forward_position_controller/commands";

    /// <summary>trajectory_msgs/JointTrajectory (first point used).</summary>
    public const string JointTrajectory = "/joint_trajectory_controller/joint_trajectory";

    /// <summary>std_msgs/Float64MultiArray, 7 joint velocities: the human/expert takeover input.</summary>
    public const string TeleopCommands = "/teleop/commands";
}
