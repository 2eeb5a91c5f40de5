namespace Apprentice.Core.Observations;

/// <summary>What a box did with one incoming message.</summary>
public enum WriteResult
{
    /// <summary>Stored; the input is fresh.</summary>
    Stored,

    /// <summary>Stored but unusable (for example a configured joint is missing): the input reads as stale.</summary>
    StoredUnusable,

    /// <summary>Refused (larger than the preallocated slot, unknown encoding, inconsistent sizes); the previous sample stays.</summary>
    Rejected,
}
