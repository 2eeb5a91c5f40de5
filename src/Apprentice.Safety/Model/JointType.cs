namespace Apprentice.Safety.Model;

/// <summary>URDF joint types the safety layer supports.</summary>
public enum JointType
{
    /// <summary>Rotation about the axis within [lower, upper] radians.</summary>
    Revolute,

    /// <summary>Unbounded rotation about the axis.</summary>
    Continuous,

    /// <summary>Translation along the axis within [lower, upper] metres.</summary>
    Prismatic,

    /// <summary>Rigid connection.</summary>
    Fixed,
}
