namespace Apprentice.Core.Observations;

/// <summary>Options of the <see cref="ObservationAssembler"/>.</summary>
public sealed record ObservationOptions
{
    /// <summary>Defaults: <see cref="MaxSkew"/> 100 ms.</summary>
    public static ObservationOptions Default { get; } = new();

    /// <summary>
    /// Largest spread allowed between the header stamps of the inputs that take part in alignment
    /// (default 100 ms; <c>null</c> turns the check off, for sensors without synchronised clocks).
    /// A snapshot whose newest samples are further apart is not aligned and does not feed the policy.
    /// </summary>
    public TimeSpan? MaxSkew { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Throws <see cref="ConfigurationException"/> for a negative skew.</summary>
    public void Validate()
    {
        if (MaxSkew is { } skew && skew < TimeSpan.Zero)
        {
            throw new ConfigurationException("observations.max_skew", "must be zero or positive (got " + skew + ").");
        }
    }
}
