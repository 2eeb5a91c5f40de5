namespace Apprentice.Sim.Physics;

/// <summary>How the simulated controllers drive the arm.</summary>
public enum CommandMode
{
    /// <summary>Hold the last position target (start, after a reset, and after a command time-out).</summary>
    Hold,

    /// <summary>Forward velocity controller: the position targets move at the commanded joint velocities.</summary>
    Velocity,

    /// <summary>Forward position controller: the targets are the commanded joint positions.</summary>
    Position,
}
