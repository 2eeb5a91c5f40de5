using Apprentice.Bag.Decoding;
using Apprentice.Bag.Storage;
using Apprentice.Ros.Cdr;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Registry;

namespace Apprentice.Bag.Bags;

/// <summary>
/// Typed recording and reading with generated message classes (<see cref="IRosMessage{TSelf}"/>,
/// <c>Apprentice.Ros.Msgs.*</c>). Writing encodes into a new array per message (the cache keeps it
/// until the consumer thread writes it); use the dynamic API for types without a generated class.
/// </summary>
public static class BagTypedMessages
{
    /// <summary>Registers <paramref name="topic"/> for <typeparamref name="T"/> with its schema from the registry.</summary>
    /// <exception cref="InterfaceNotFoundException">The registry lacks the type or a dependency.</exception>
    public static BagTopic CreateTopic<T>(
        this BagWriter writer, string topic, IMessageDefinitionProvider? registry = null, string offeredQosProfiles = "")
        where T : class, IRosMessage<T>, new() =>
        writer.CreateTopic(topic, T.RosTypeName, registry, offeredQosProfiles);

    /// <summary>
    /// Encodes and writes one message, waiting for cache space (offline producers; see
    /// <see cref="BagWriter.Write"/>).
    /// </summary>
    /// <param name="writer">The bag being recorded.</param>
    /// <param name="topic">A topic created for <typeparamref name="T"/>.</param>
    /// <param name="message">The message.</param>
    /// <param name="recvTimestampNs">Receive time, ns since the epoch.</param>
    /// <param name="sendTimestampNs">Publish time, ns since the epoch (default: the receive time).</param>
    /// <exception cref="MessageFieldLengthException">A fixed array has the wrong length or a bound is exceeded.</exception>
    /// <exception cref="BagWriteException">The writer failed.</exception>
    public static void Write<T>(this BagWriter writer, string topic, T message, long recvTimestampNs, long? sendTimestampNs = null)
        where T : class, IRosMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(new BagMessage(topic, recvTimestampNs, sendTimestampNs ?? recvTimestampNs, RosMessageCodec.Encode(message)));
    }

    /// <summary>Encodes and offers one message without blocking (subscriber threads; see <see cref="BagWriter.TryWrite(BagMessage)"/>).</summary>
    /// <returns>False when not accepted (paused, closed, failed, or cache full and counted as a drop).</returns>
    /// <exception cref="MessageFieldLengthException">A fixed array has the wrong length or a bound is exceeded.</exception>
    public static bool TryWrite<T>(this BagWriter writer, string topic, T message, long recvTimestampNs, long? sendTimestampNs = null)
        where T : class, IRosMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer.TryWrite(new BagMessage(topic, recvTimestampNs, sendTimestampNs ?? recvTimestampNs, RosMessageCodec.Encode(message)));
    }

    /// <summary>
    /// The messages of <paramref name="topic"/> decoded as <typeparamref name="T"/>, in receive-time
    /// order, each a new instance, with their timestamps.
    /// </summary>
    /// <param name="reader">An open bag.</param>
    /// <param name="topic">The topic; its stored type must be <typeparamref name="T"/>'s ROS type.</param>
    /// <param name="startNs">First receive time included (ns).</param>
    /// <param name="endNs">Last receive time included (ns).</param>
    /// <exception cref="BagDecodeException">Unknown topic, a topic of another type, or a payload that does not decode.</exception>
    public static IEnumerable<(BagMessage Raw, T Message)> ReadMessages<T>(
        this BagReader reader, string topic, long startNs = long.MinValue, long endNs = long.MaxValue)
        where T : class, IRosMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(topic);
        var stored = reader.Topics.FirstOrDefault(t => t.Name == topic) ?? throw new BagDecodeException(
            $"The bag '{reader.Path}' has no topic '{topic}'. Topics: {string.Join(", ", reader.Topics.Select(t => t.Name))}.");
        if (!string.Equals(stored.Type, T.RosTypeName, StringComparison.Ordinal))
        {
            throw new BagDecodeException(
                $"Topic '{topic}' in '{reader.Path}' holds {stored.Type}, not {T.RosTypeName}; read it with the matching type or dynamically (BagMessageDecoder).");
        }

        return Iterate<T>(reader, new BagReadFilter { Topics = new HashSet<string>(StringComparer.Ordinal) { topic }, StartNs = startNs, EndNs = endNs });
    }

    private static IEnumerable<(BagMessage Raw, T Message)> Iterate<T>(BagReader reader, BagReadFilter filter)
        where T : class, IRosMessage<T>, new()
    {
        foreach (var m in reader.ReadMessages(filter))
        {
            T decoded;
            try
            {
                decoded = RosMessageCodec.Decode<T>(m.Data.Span);
            }
            catch (CdrException e)
            {
                throw new BagDecodeException(
                    $"Message on '{m.Topic}' at {m.RecvTimestampNs} ns does not decode as {T.RosTypeName}: {e.Message}", e);
            }

            yield return (m, decoded);
        }
    }
}
