namespace Apprentice.Core.Policies.Card;

/// <summary>Kind of sensor data a policy input is built from (JSON: snake_case).</summary>
public enum InputSourceKind
{
    /// <summary>Joint positions [rad or m] ordered by <see cref="PolicyInputSpec.JointNames"/>.</summary>
    Joints,

    /// <summary>Joint velocities [rad/s or m/s] ordered by <see cref="PolicyInputSpec.JointNames"/>.</summary>
    JointVelocities,

    /// <summary>LiDAR ranges [m] min-pooled into fixed angular bins.</summary>
    LidarBins,

    /// <summary>Colour or mono image, CHW float.</summary>
    Image,

    /// <summary>Depth image [m], CHW float.</summary>
    Depth,

    /// <summary>Point cloud rendered into a height map.</summary>
    HeightMap,

    /// <summary>
    /// A reference the robot is asked to reach (goal position or pose, joint target), a fixed-length
    /// vector from the node's reference topic.
    /// </summary>
    Reference,

    /// <summary>Anything else the node fills itself.</summary>
    Other,
}
