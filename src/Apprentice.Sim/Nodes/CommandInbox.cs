using Apprentice.Sim.Physics;
using Apprentice.Sim.Scene;

namespace Apprentice.Sim.Nodes;

/// <summary>
/// The newest joint command received on any command topic, validated on arrival (receive threads) and applied by
/// the stepping thread. Only the newest command matters, as with ros2_control's forward controllers. Thread-safe.
/// </summary>
internal sealed class CommandInbox
{
    private readonly Lock _gate = new();
    private readonly double[] _values = new double[7];
    private CommandMode _mode;
    private bool _pending;
    private long _rejected;
    private long _accepted;

    /// <summary>Commands refused (wrong joint count or names, NaN/∞, empty trajectory).</summary>
    public long RejectedCount => Interlocked.Read(ref _rejected);

    /// <summary>Commands accepted.</summary>
    public long AcceptedCount => Interlocked.Read(ref _accepted);

    /// <summary>Why the last refused command was refused.</summary>
    public string? LastRejection { get; private set; }

    /// <summary>Offers a velocity or position command in joint order; returns the rejection reason (None = accepted).</summary>
    public CommandRejection Offer(CommandMode mode, ReadOnlySpan<double> values, string topic)
    {
        var check = values.Length != 7 ? CommandRejection.WrongLength : CommandRejection.None;
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                check = CommandRejection.NotFinite;
            }
        }

        if (check != CommandRejection.None)
        {
            return Reject(check, topic, $"{values.Length} values");
        }

        lock (_gate)
        {
            values.CopyTo(_values);
            (_mode, _pending) = (mode, true);
        }

        Interlocked.Increment(ref _accepted);
        return CommandRejection.None;
    }

    /// <summary>Offers the first point of a trajectory: positions reordered from <paramref name="names"/> to panda_joint1..7.</summary>
    public CommandRejection OfferTrajectory(IReadOnlyList<string> names, ReadOnlySpan<double> positions, string topic)
    {
        if (positions.IsEmpty)
        {
            return Reject(CommandRejection.EmptyTrajectory, topic, "no point or no positions");
        }

        if (names.Count != 7 || positions.Length != 7)
        {
            return Reject(CommandRejection.WrongJointNames, topic, $"{names.Count} joint names, {positions.Length} positions");
        }

        Span<double> ordered = stackalloc double[7];
        for (var i = 0; i < 7; i++)
        {
            var k = -1;
            for (var j = 0; j < 7; j++)
            {
                if (names[j] == ReachScene.JointNames[i])
                {
                    k = j;
                }
            }

            if (k < 0)
            {
                return Reject(CommandRejection.WrongJointNames, topic, $"'{ReachScene.JointNames[i]}' missing");
            }

            ordered[i] = positions[k];
        }

        return Offer(CommandMode.Position, ordered, topic);
    }

    /// <summary>Takes the pending command, if any.</summary>
    public bool TryTake(Span<double> values, out CommandMode mode)
    {
        lock (_gate)
        {
            mode = _mode;
            if (!_pending)
            {
                return false;
            }

            _values.CopyTo(values);
            _pending = false;
            return true;
        }
    }

    private CommandRejection Reject(CommandRejection why, string topic, string detail)
    {
        Interlocked.Increment(ref _rejected);
        LastRejection = $"{topic}: {why} ({detail})";
        return why;
    }
}
