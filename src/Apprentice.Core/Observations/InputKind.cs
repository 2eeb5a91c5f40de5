namespace Apprentice.Core.Observations;

/// <summary>The kind of sensor behind an observation input.</summary>
public enum InputKind
{
    /// <summary><c>sensor_msgs/JointState</c>.</summary>
    JointState,

    /// <summary><c>sensor_msgs/Image</c> or <c>sensor_msgs/CompressedImage</c>.</summary>
    Image,

    /// <summary><c>sensor_msgs/LaserScan</c>.</summary>
    LaserScan,

    /// <summary><c>sensor_msgs/PointCloud2</c> (x/y/z float32).</summary>
    PointCloud,

    /// <summary>A fixed-length reference vector (goal pose or joint target).</summary>
    Reference,
}
