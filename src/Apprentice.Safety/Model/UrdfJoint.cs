using Apprentice.Safety.Geometry;

namespace Apprentice.Safety.Model;

/// <summary>The URDF <c>&lt;limit&gt;</c> element: position (rad or m), velocity (rad/s or m/s), effort (N·m or N).</summary>
/// <param name="Lower">Lower position limit; NaN when the URDF gives none (continuous joints).</param>
/// <param name="Upper">Upper position limit; NaN when the URDF gives none.</param>
/// <param name="Velocity">Maximum speed magnitude.</param>
/// <param name="Effort">Maximum effort magnitude.</param>
public sealed record UrdfJointLimit(double Lower, double Upper, double Velocity, double Effort);

/// <summary>The URDF <c>&lt;safety_controller&gt;</c> element (soft limits).</summary>
/// <param name="SoftLowerLimit">Soft lower position limit.</param>
/// <param name="SoftUpperLimit">Soft upper position limit.</param>
/// <param name="KPosition">Position gain of the soft limit (1/s).</param>
/// <param name="KVelocity">Velocity gain of the soft limit.</param>
public sealed record UrdfSafetyController(double SoftLowerLimit, double SoftUpperLimit, double KPosition, double KVelocity);

/// <summary>The URDF <c>&lt;mimic&gt;</c> element: value = Multiplier·source + Offset.</summary>
/// <param name="Joint">Name of the joint mimicked.</param>
/// <param name="Multiplier">Multiplier (default 1).</param>
/// <param name="Offset">Offset (default 0).</param>
public sealed record UrdfMimic(string Joint, double Multiplier, double Offset);

/// <summary>One URDF joint.</summary>
/// <param name="Name">Joint name.</param>
/// <param name="Type">Joint type.</param>
/// <param name="Parent">Parent link name.</param>
/// <param name="Child">Child link name.</param>
/// <param name="Origin">Transform from the parent link frame to the joint frame at zero position.</param>
/// <param name="Axis">Unit joint axis in the joint frame.</param>
/// <param name="Limit">Limits, or null when absent (allowed for continuous and fixed joints).</param>
/// <param name="SafetyController">Soft limits, or null.</param>
/// <param name="Mimic">Mimic relation, or null.</param>
public sealed record UrdfJoint(
    string Name,
    JointType Type,
    string Parent,
    string Child,
    Transform3 Origin,
    Vec3 Axis,
    UrdfJointLimit? Limit,
    UrdfSafetyController? SafetyController,
    UrdfMimic? Mimic)
{
    /// <summary>True for joints with a degree of freedom (revolute, continuous, prismatic).</summary>
    public bool IsMovable => Type != JointType.Fixed;
}
