using Apprentice.Safety.Geometry;
using Apprentice.Safety.Model;

namespace Apprentice.Safety.Kinematics;

/// <summary>One joint on a kinematic chain, with how its value is obtained from the chain's variables.</summary>
/// <param name="Name">URDF joint name.</param>
/// <param name="Type">Joint type.</param>
/// <param name="Origin">Parent-link-to-joint transform at zero position.</param>
/// <param name="Axis">Unit axis in the joint frame.</param>
/// <param name="VariableIndex">Index into the chain's variable vector, or -1 for fixed joints.</param>
/// <param name="Multiplier">Value = Multiplier·q[VariableIndex] + Offset (1 and 0 unless the joint mimics another).</param>
/// <param name="Offset">See <paramref name="Multiplier"/>.</param>
public sealed record ChainJoint(string Name, JointType Type, Transform3 Origin, Vec3 Axis, int VariableIndex, double Multiplier, double Offset)
{
    /// <summary>The joint's motion transform at joint value <paramref name="value"/> (radians or metres).</summary>
    public Transform3 Motion(double value) => Type switch
    {
        JointType.Revolute or JointType.Continuous => Transform3.FromAxisAngle(Axis, value),
        JointType.Prismatic => Transform3.FromTranslation(value * Axis),
        _ => Transform3.Identity,
    };
}
