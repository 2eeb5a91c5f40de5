namespace Apprentice.Core.Observations;

/// <summary>Freshness of one input in a snapshot.</summary>
public enum InputState
{
    /// <summary>Newest sample is younger than the input's timeout and usable.</summary>
    Fresh,

    /// <summary>No sample has arrived yet.</summary>
    Missing,

    /// <summary>Newest sample is older than the input's timeout.</summary>
    Stale,

    /// <summary>Newest sample arrived but cannot be used (for example a configured joint is missing).</summary>
    Unusable,
}

/// <summary>One input's state in a snapshot: freshness, age and the sample sequence number.</summary>
/// <param name="State">Freshness.</param>
/// <param name="Age">Now minus the sample's receive time (<see cref="TimeSpan.MaxValue"/> when missing).</param>
/// <param name="Sequence">The sample's sequence number (0 when missing).</param>
public readonly record struct InputStatus(InputState State, TimeSpan Age, long Sequence)
{
    /// <summary>Whether the input may feed the policy.</summary>
    public bool IsFresh => State == InputState.Fresh;
}
