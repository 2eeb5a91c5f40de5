namespace Apprentice.Nodes.Recorder;

/// <summary>Per-topic recording counts at one instant.</summary>
/// <param name="Received">Samples handed to the recorder's subscription.</param>
/// <param name="Written">Samples accepted into the bag's cache (written to disk in order).</param>
/// <param name="Dropped">Samples not accepted (cache full, paused or closed).</param>
public readonly record struct TopicCounts(long Received, long Written, long Dropped);

/// <summary>Lock-free counters of one recorded topic.</summary>
internal sealed class TopicCounters
{
    private long _received;
    private long _written;
    private long _dropped;

    public void Count(bool accepted)
    {
        Interlocked.Increment(ref _received);
        if (accepted)
        {
            Interlocked.Increment(ref _written);
        }
        else
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>A sample that arrived while recording was paused: received, neither written nor dropped.</summary>
    public void CountPaused() => Interlocked.Increment(ref _received);

    public TopicCounts Snapshot() => new(Interlocked.Read(ref _received), Interlocked.Read(ref _written), Interlocked.Read(ref _dropped));
}
