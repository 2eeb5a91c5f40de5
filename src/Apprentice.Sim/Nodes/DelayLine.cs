using Apprentice.Dds.Typed;
using Apprentice.Ros.Messages;

namespace Apprentice.Sim.Nodes;

/// <summary>
/// Publishes messages now or, during a delay perturbation, later (in order, with their original stamps).
/// Used only on the stepping thread.
/// </summary>
internal sealed class DelayLine<T>(Publisher<T> publisher)
    where T : class, IRosMessage<T>, new()
{
    private readonly Queue<(TimeSpan Due, T Message, long StampNs)> _queue = new();

    public long Published { get; private set; }

    /// <summary>Whether messages wait in the line (the caller must then hand over fresh messages).</summary>
    public bool HasQueued => _queue.Count > 0;

    /// <summary>Publishes <paramref name="message"/> at <paramref name="now"/> + <paramref name="delay"/>; a delayed message must not be reused by the caller.</summary>
    public void Send(T message, long stampNs, TimeSpan now, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero && _queue.Count == 0)
        {
            publisher.Publish(message, stampNs);
            Published++;
            return;
        }

        _queue.Enqueue((now + delay, message, stampNs));
        Flush(now);
    }

    /// <summary>Publishes the queued messages that are due.</summary>
    public void Flush(TimeSpan now)
    {
        while (_queue.Count > 0 && _queue.Peek().Due <= now)
        {
            var (_, m, stamp) = _queue.Dequeue();
            publisher.Publish(m, stamp);
            Published++;
        }
    }

    /// <summary>Drops what is queued (episode reset).</summary>
    public void Clear() => _queue.Clear();
}
