using Apprentice.Dds.Transport;
using Apprentice.Ros.Cdr;
using Apprentice.Ros.Messages;

namespace Apprentice.Dds.Typed;

/// <summary>Handles one decoded message; see <see cref="MessageDelivery"/> for how long it may be kept.</summary>
public delegate void MessageHandler<in T>(T message, MessageInfo info);

/// <summary>How a <see cref="Subscription{T}"/> hands out decoded messages.</summary>
public enum MessageDelivery
{
    /// <summary>
    /// Every sample is decoded with <c>DeserializeInto</c> into one instance owned by the
    /// subscription: the handler must not keep it (copy what it needs). Same-shaped samples decode
    /// without allocating. The default.
    /// </summary>
    Reused,

    /// <summary>Every sample is decoded into a new instance the handler may keep (allocates per sample).</summary>
    Fresh,
}

/// <summary>
/// A subscription that decodes each sample into a generated message of type <typeparamref name="T"/>.
/// Malformed samples are dropped, counted in <see cref="MalformedCount"/> and logged (once per
/// distinct error message), never thrown into the receive thread.
/// </summary>
/// <remarks>The handler runs on the node's receive thread, one sample at a time. Thread-safe to dispose.</remarks>
/// <typeparam name="T">A generated message type.</typeparam>
public sealed class Subscription<T> : IDisposable
    where T : class, IRosMessage<T>, new()
{
    private readonly MessageHandler<T> _handler;
    private readonly MessageDelivery _delivery;
    private readonly Serilog.ILogger _log;
    private readonly T _reused = new();
    private string? _lastError;
    private long _malformed;

    internal Subscription(ITransport transport, string topic, Ros.Qos.QosProfile qos, MessageHandler<T> handler, MessageDelivery delivery, Serilog.ILogger log)
    {
        _handler = handler;
        _delivery = delivery;
        _log = log;
        Raw = transport.CreateRawSubscription(topic, T.RosTypeName, qos, OnSample);
    }

    /// <summary>The raw subscription underneath.</summary>
    public IRawSubscription Raw { get; }

    /// <summary>Fully-qualified ROS topic name.</summary>
    public string Topic => Raw.Topic;

    /// <summary>Number of publishers currently matched.</summary>
    public int MatchedPublisherCount => Raw.MatchedPublisherCount;

    /// <summary>Samples dropped because they did not decode as <typeparamref name="T"/>.</summary>
    public long MalformedCount => Interlocked.Read(ref _malformed);

    /// <inheritdoc />
    public void Dispose() => Raw.Dispose();

    private void OnSample(ReadOnlySpan<byte> cdr, MessageInfo info)
    {
        T message;
        try
        {
            var reader = new CdrReader(cdr);
            if (_delivery == MessageDelivery.Reused)
            {
                _reused.DeserializeInto(ref reader);
                message = _reused;
            }
            else
            {
                message = T.Deserialize(ref reader);
            }
        }
        catch (Exception e) when (e is CdrException or MessageFieldLengthException or ArgumentException or OverflowException)
        {
            Interlocked.Increment(ref _malformed);
            if (e.Message != _lastError)
            {
                _lastError = e.Message;
                _log.Warning("Dropping a malformed {Type} sample on {Topic} ({Length} bytes): {Error}", T.RosTypeName, Topic, cdr.Length, e.Message);
            }

            return;
        }

        _handler(message, info);
    }
}
