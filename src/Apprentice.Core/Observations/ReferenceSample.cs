namespace Apprentice.Core.Observations;

/// <summary>
/// One reference vector (for example a goal position x, y, z [m] in the base frame, or a joint
/// target [rad]); units are those of the configured reference. Preallocated.
/// </summary>
public sealed class ReferenceSample : Sample
{
    internal ReferenceSample(int dimension) => Store = new double[dimension];

    /// <summary>The reference values.</summary>
    public ReadOnlySpan<double> Values => Store;

    internal double[] Store { get; }
}
