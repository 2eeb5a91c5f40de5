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
    private const int CachedOrders = 4;
    private readonly string[][] _orders = new string[CachedOrders][];
    private readonly int[][] _maps = new int[CachedOrders][];
    private int[] _map;
    private int _cached;

    /// <summary>Creates the box for <paramref name="order"/>.</summary>
    public JointStateBox(string name, JointOrder order, TimeSpan timeout)
        : base(name, InputKind.JointState, timeout, () => new JointStateSample(order.Count))
    {
        Order = order;
        for (var i = 0; i < CachedOrders; i++)
        {
            _orders[i] = [];
            _maps[i] = new int[order.Count];
        }

        _map = _maps[0];
    }

    /// <summary>The configured joint order.</summary>
    public JointOrder Order { get; }

    /// <summary>
    /// How many times a message name order not among the last four seen made the box compute a
    /// mapping (two publishers with different orders on one topic do not thrash).
    /// </summary>
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

        SelectMapping(names);

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

    private void SelectMapping(ReadOnlySpan<string> names)
    {
        if (SameOrder(_orders[_cached], names))
        {
            return;
        }

        for (var k = 0; k < CachedOrders; k++)
        {
            if (SameOrder(_orders[k], names))
            {
                _cached = k;
                _map = _maps[k];
                return;
            }
        }

        // Replace the entry after the current one (round robin over the cache).
        _cached = (_cached + 1) % CachedOrders;
        var order = names.ToArray();
        var map = _maps[_cached];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = Array.IndexOf(order, Order[i]);
        }

        _orders[_cached] = order;
        _map = map;
        MappingRebuilds++;
    }

    private static bool SameOrder(string[] cached, ReadOnlySpan<string> names)
    {
        if (names.Length != cached.Length || names.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (!string.Equals(names[i], cached[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
