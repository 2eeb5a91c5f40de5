namespace Apprentice.Core.Observations;

/// <summary>
/// Latest joint state, reordered from message order to configured order. The mapping is computed
/// once per distinct name order and reused while messages keep that order.
/// </summary>
/// <remarks>
/// A message that lacks a configured joint is stored as unusable (the input reads stale) and
/// <see cref="JointStateSample.MissingJoint"/> names it. Joints not configured are ignored.
/// Steady state (unchanged name order) allocates nothing.
/// </remarks>
public sealed class JointStateBox : SampleBox<JointStateSample>
{
    private readonly int[] _map;
    private string[] _cachedOrder = [];

    /// <summary>Creates the box for <paramref name="order"/>.</summary>
    public JointStateBox(string name, JointOrder order, TimeSpan timeout)
        : base(name, InputKind.JointState, timeout, () => new JointStateSample(order.Count))
    {
        Order = order;
        _map = new int[order.Count];
    }

    /// <summary>The configured joint order.</summary>
    public JointOrder Order { get; }

    /// <summary>How many times a new message name order made the box recompute its mapping.</summary>
    public int MappingRebuilds { get; private set; }

    /// <summary>
    /// Stores one <c>sensor_msgs/JointState</c>. Velocities and efforts may be empty (as the message
    /// allows); when present they must have one value per name. Callback thread; allocation-free
    /// while the name order is unchanged.
    /// </summary>
    public WriteResult Write(
        TimeSpan stamp,
        TimeSpan receivedAt,
        ReadOnlySpan<string> names,
        ReadOnlySpan<double> positions,
        ReadOnlySpan<double> velocities,
        ReadOnlySpan<double> efforts)
    {
        var slot = BeginWrite();
        var result = WriteResult.Rejected;
        try
        {
            result = Fill(slot, names, positions, velocities, efforts);
        }
        finally
        {
            EndWrite(result, stamp, receivedAt);
        }

        return result;
    }

    private WriteResult Fill(
        JointStateSample slot,
        ReadOnlySpan<string> names,
        ReadOnlySpan<double> positions,
        ReadOnlySpan<double> velocities,
        ReadOnlySpan<double> efforts)
    {
        if (positions.Length != names.Length
            || (velocities.Length != 0 && velocities.Length != names.Length)
            || (efforts.Length != 0 && efforts.Length != names.Length))
        {
            return WriteResult.Rejected;
        }

        if (!SameOrder(names))
        {
            Rebuild(names);
        }

        slot.HasVelocities = velocities.Length != 0;
        slot.HasEfforts = efforts.Length != 0;
        slot.MissingJoint = -1;
        for (var i = 0; i < _map.Length; i++)
        {
            var source = _map[i];
            if (source < 0)
            {
                if (slot.MissingJoint < 0)
                {
                    slot.MissingJoint = i;
                }

                continue;
            }

            slot.Positions[i] = positions[source];
            slot.Velocities[i] = slot.HasVelocities ? velocities[source] : 0.0;
            slot.Efforts[i] = slot.HasEfforts ? efforts[source] : 0.0;
        }

        return slot.MissingJoint < 0 ? WriteResult.Stored : WriteResult.StoredUnusable;
    }

    private bool SameOrder(ReadOnlySpan<string> names)
    {
        if (names.Length != _cachedOrder.Length)
        {
            return false;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (!string.Equals(names[i], _cachedOrder[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private void Rebuild(ReadOnlySpan<string> names)
    {
        _cachedOrder = names.ToArray();
        for (var i = 0; i < _map.Length; i++)
        {
            _map[i] = Array.IndexOf(_cachedOrder, Order[i]);
        }

        MappingRebuilds++;
    }
}
