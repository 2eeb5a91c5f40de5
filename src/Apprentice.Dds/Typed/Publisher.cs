using Apprentice.Dds.Transport;
using Apprentice.Ros.Messages;

namespace Apprentice.Dds.Typed;

/// <summary>
/// Publishes generated messages of type <typeparamref name="T"/> on one topic of any
/// <see cref="ITransport"/>. Each message is serialized into one buffer owned by the publisher and
/// reused: publishing a message whose encoded size does not grow allocates nothing (the buffer
/// grows, to the next power of two, only when a larger message comes).
/// </summary>
/// <remarks>Thread-safe (publishes are serialized by a lock). The message is read during the call only.</remarks>
/// <typeparam name="T">A generated message type, e.g. <c>Apprentice.Ros.Msgs.SensorMsgs.JointState</c>.</typeparam>
public sealed class Publisher<T> : IDisposable
    where T : class, IRosMessage<T>, new()
{
    private readonly Lock _gate = new();
    private byte[] _buffer;

    internal Publisher(IRawPublisher raw, int initialBufferBytes)
    {
        Raw = raw;
        _buffer = new byte[Math.Max(64, initialBufferBytes)];
    }

    /// <summary>The raw publisher underneath (topic, matched count).</summary>
    public IRawPublisher Raw { get; }

    /// <summary>Fully-qualified ROS topic name.</summary>
    public string Topic => Raw.Topic;

    /// <summary>Number of subscriptions currently matched.</summary>
    public int MatchedSubscriptionCount => Raw.MatchedSubscriptionCount;

    /// <summary>Serializes and publishes with the node clock's time as source timestamp.</summary>
    /// <exception cref="MessageFieldLengthException">A fixed array has the wrong length or a bound is exceeded (a bug in the caller).</exception>
    public PublishOutcome Publish(T message) => Publish(message, sourceTimestampNs: null);

    /// <summary>Serializes and publishes with an explicit source timestamp (ns since the Unix epoch).</summary>
    /// <exception cref="MessageFieldLengthException">A fixed array has the wrong length or a bound is exceeded.</exception>
    public PublishOutcome Publish(T message, long sourceTimestampNs) => Publish(message, (long?)sourceTimestampNs);

    /// <inheritdoc />
    public void Dispose() => Raw.Dispose();

    private PublishOutcome Publish(T message, long? sourceTimestampNs)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            var size = RosMessageCodec.GetEncodedSize(message);
            if (size > _buffer.Length)
            {
                _buffer = new byte[(int)Math.Min(Array.MaxLength, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)size))];
            }

            var n = RosMessageCodec.Encode(message, _buffer);
            var bytes = new ReadOnlySpan<byte>(_buffer, 0, n);
            return sourceTimestampNs is { } ts ? Raw.Publish(bytes, ts) : Raw.Publish(bytes);
        }
    }
}
