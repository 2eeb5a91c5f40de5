namespace Apprentice.Core.Observations;

/// <summary>
/// Common part of every observation sample: when it was measured and when it arrived. Samples are
/// preallocated slots that boxes overwrite in place; they are never created per message.
/// </summary>
public abstract class Sample
{
    /// <summary>The sensor's header stamp (ROS time since the epoch). Compared only across inputs (skew).</summary>
    public TimeSpan Stamp { get; internal set; }

    /// <summary>Monotonic receive time (see <see cref="Time.MonotonicTime"/>). Ages are measured from it.</summary>
    public TimeSpan ReceivedAt { get; internal set; }

    /// <summary>1 for the first sample a box stored, counting up; 0 when none has arrived yet.</summary>
    public long Sequence { get; internal set; }

    /// <summary>
    /// False when the sample arrived but cannot be used (for example a joint state missing a
    /// configured joint); the snapshot reports such an input as stale.
    /// </summary>
    public bool IsUsable { get; internal set; }
}
