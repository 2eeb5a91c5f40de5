namespace Apprentice.Core.Policies.Card;

/// <summary>What the action values command (JSON: snake_case).</summary>
public enum ActionMode
{
    /// <summary>Absolute joint positions.</summary>
    Position,

    /// <summary>Joint velocities.</summary>
    Velocity,

    /// <summary>Position change relative to the current joint positions.</summary>
    Delta,
}
