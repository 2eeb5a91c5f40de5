using Apprentice.Ros.Cdr;

namespace Apprentice.Ros.Messages;

/// <summary>
/// Whole-payload helpers for generated message types: CDR bytes with the 4-byte encapsulation
/// header, as DDS and rosbag2 carry them. Stateless and thread-safe (the messages are not).
/// </summary>
public static class RosMessageCodec
{
    /// <summary>Bytes the payload of <paramref name="message"/> takes, header included. Allocation-free.</summary>
    public static int GetEncodedSize<T>(T message)
        where T : class, IRosMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(message);
        return CdrReader.HeaderSize + message.ComputeEndPosition(0);
    }

    /// <summary>Encodes into <paramref name="destination"/> and returns the bytes written. Allocation-free.</summary>
    /// <exception cref="CdrException"><paramref name="destination"/> is too small (see <see cref="GetEncodedSize{T}"/>).</exception>
    /// <exception cref="MessageFieldLengthException">A fixed array has the wrong length or a bound is exceeded.</exception>
    public static int Encode<T>(T message, Span<byte> destination)
        where T : class, IRosMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(message);
        var writer = new CdrWriter(destination);
        message.Serialize(ref writer);
        return writer.Length;
    }

    /// <summary>Encodes into a new array of exactly the payload's size.</summary>
    /// <exception cref="MessageFieldLengthException">A fixed array has the wrong length or a bound is exceeded.</exception>
    public static byte[] Encode<T>(T message)
        where T : class, IRosMessage<T>, new()
    {
        var bytes = new byte[GetEncodedSize(message)];
        Encode(message, bytes);
        return bytes;
    }

    /// <summary>Decodes a payload (header included) into a new message.</summary>
    /// <exception cref="CdrException">The payload is malformed.</exception>
    public static T Decode<T>(ReadOnlySpan<byte> payload)
        where T : class, IRosMessage<T>, new()
    {
        var reader = new CdrReader(payload);
        return T.Deserialize(ref reader);
    }

    /// <summary>Decodes a payload into <paramref name="target"/>, reusing its arrays and strings where they fit.</summary>
    /// <exception cref="CdrException">The payload is malformed.</exception>
    public static void DecodeInto<T>(ReadOnlySpan<byte> payload, T target)
        where T : class, IRosMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(target);
        var reader = new CdrReader(payload);
        target.DeserializeInto(ref reader);
    }
}
