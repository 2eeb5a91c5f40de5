using Apprentice.Dds.Transport;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Typed;

/// <summary>Typed publishers and subscriptions of generated messages on any <see cref="ITransport"/>.</summary>
public static class TypedTransportExtensions
{
    /// <summary>Creates a publisher of <typeparamref name="T"/> (type name from the generated class).</summary>
    /// <param name="transport">The node.</param>
    /// <param name="topic">ROS topic name as written.</param>
    /// <param name="qos">Requested QoS; a per-topic override may replace it.</param>
    /// <param name="initialBufferBytes">Starting size of the serialization buffer (grows on demand).</param>
    public static Publisher<T> CreatePublisher<T>(this ITransport transport, string topic, QosProfile qos, int initialBufferBytes = 256)
        where T : class, IRosMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(transport);
        return new Publisher<T>(transport.CreateRawPublisher(topic, T.RosTypeName, qos), initialBufferBytes);
    }

    /// <summary>Creates a subscription that decodes each sample into <typeparamref name="T"/>.</summary>
    /// <param name="transport">The node.</param>
    /// <param name="topic">ROS topic name as written.</param>
    /// <param name="qos">Requested QoS.</param>
    /// <param name="handler">Runs on the receive thread.</param>
    /// <param name="delivery">Reused instance (default, allocation-free) or a fresh one per sample.</param>
    /// <param name="log">Where malformed samples are reported (default: Serilog's global logger).</param>
    public static Subscription<T> CreateSubscription<T>(
        this ITransport transport,
        string topic,
        QosProfile qos,
        MessageHandler<T> handler,
        MessageDelivery delivery = MessageDelivery.Reused,
        Serilog.ILogger? log = null)
        where T : class, IRosMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(handler);
        return new Subscription<T>(transport, topic, qos, handler, delivery, log ?? Serilog.Log.Logger);
    }
}
