namespace Apprentice.Core.Status;

/// <summary>Who produced the command of a tick.</summary>
public enum CommandSource
{
    /// <summary>No command was published (loop not started, or the sink was skipped).</summary>
    None,

    /// <summary>The policy's action.</summary>
    Policy,

    /// <summary>The fallback (safety planner or smooth halt).</summary>
    Fallback,

    /// <summary>A human takeover command (set by the node's takeover input).</summary>
    Human,
}
