namespace Apprentice.Sim.Tasks;

/// <summary>State of a reach episode.</summary>
public enum ReachOutcome
{
    /// <summary>Still running.</summary>
    Running,

    /// <summary>The TCP stayed within the success radius for the hold time.</summary>
    Succeeded,

    /// <summary>The time limit passed first.</summary>
    TimedOut,
}
