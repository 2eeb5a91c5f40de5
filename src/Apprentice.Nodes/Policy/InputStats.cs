namespace Apprentice.Nodes.Policy;

/// <summary>
/// Counters of one input for <c>/diagnostics</c>: samples received and rejected, and the monotonic
/// time of the newest. Written by the receive thread (interlocked), read by any thread.
/// </summary>
public sealed class InputStats
{
    private long _received;
    private long _rejected;
    private long _lastTicks = long.MinValue;

    /// <summary>Creates the counters of input <paramref name="role"/> on <paramref name="topic"/>.</summary>
    public InputStats(string role, string topic)
    {
        Role = role;
        Topic = topic;
    }

    /// <summary>Input role (<c>joint_states</c>, <c>camera</c>, …).</summary>
    public string Role { get; }

    /// <summary>Resolved topic name as configured.</summary>
    public string Topic { get; }

    /// <summary>Samples received (accepted or not).</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Samples rejected (NaN, wrong joint names or sizes, undecodable).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Monotonic time of the newest accepted sample; null before the first.</summary>
    public TimeSpan? LastAccepted
    {
        get
        {
            var t = Interlocked.Read(ref _lastTicks);
            return t == long.MinValue ? null : TimeSpan.FromTicks(t);
        }
    }

    /// <summary>Counts one sample; <paramref name="accepted"/> false counts it as rejected.</summary>
    public void Count(bool accepted, TimeSpan receivedAt)
    {
        Interlocked.Increment(ref _received);
        if (accepted)
        {
            Interlocked.Exchange(ref _lastTicks, receivedAt.Ticks);
        }
        else
        {
            Interlocked.Increment(ref _rejected);
        }
    }
}
