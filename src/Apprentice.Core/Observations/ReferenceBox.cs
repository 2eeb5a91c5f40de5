namespace Apprentice.Core.Observations;

/// <summary>
/// Latest reference the policy is conditioned on (goal position or pose, joint target): a vector
/// of exactly <see cref="Dimension"/> finite values. Anything else is rejected and counted.
/// </summary>
public sealed class ReferenceBox : SampleBox<ReferenceSample>
{
    /// <summary>Creates the box; three slots of <paramref name="dimension"/> values are allocated now.</summary>
    /// <exception cref="ConfigurationException"><paramref name="dimension"/> is not positive, or the timeout is not positive.</exception>
    public ReferenceBox(string name, int dimension, TimeSpan timeout)
        : base(name, InputKind.Reference, timeout, () => new ReferenceSample(Math.Max(dimension, 1)))
    {
        if (dimension <= 0)
        {
            throw new ConfigurationException(name + ".dimension", "must be positive (3 for a goal position, 7 for a pose, one per joint for a joint target).");
        }

        Dimension = dimension;
    }

    /// <summary>Number of values of every reference.</summary>
    public int Dimension { get; }

    /// <summary>
    /// Stores one reference. A vector of the wrong length or with a non-finite value is rejected
    /// (the previous reference stays, and ages). Callback thread; allocation-free.
    /// </summary>
    public WriteResult Write(TimeSpan stamp, TimeSpan receivedAt, ReadOnlySpan<double> values)
    {
        var slot = BeginWrite();
        var result = WriteResult.Rejected;
        try
        {
            if (values.Length == Dimension && AllFinite(values))
            {
                values.CopyTo(slot.Store);
                result = WriteResult.Stored;
            }
        }
        finally
        {
            EndWrite(result, stamp, receivedAt);
        }

        return result;
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
