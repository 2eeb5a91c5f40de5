namespace Apprentice.Sim.Physics;

/// <summary>Why a joint command was refused (the robot then keeps its previous command or holds).</summary>
public enum CommandRejection
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>Not exactly 7 values.</summary>
    WrongLength,

    /// <summary>A value is NaN or infinite.</summary>
    NotFinite,

    /// <summary>A trajectory names joints that are not the arm's 7, or not all of them.</summary>
    WrongJointNames,

    /// <summary>A trajectory has no point, or its first point has no positions.</summary>
    EmptyTrajectory,
}
