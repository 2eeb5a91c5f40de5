namespace Apprentice.Core.Control;

/// <summary>What the command vector means, for the fallback's smooth halt.</summary>
public enum CommandKind
{
    /// <summary>Joint (or axis) velocities [rad/s or m/s].</summary>
    Velocity,

    /// <summary>Joint positions [rad or m].</summary>
    Position,
}
