using System.Buffers.Binary;

namespace Apprentice.Dds.Services;

/// <summary>
/// rmw_cyclonedds' request header: after the 4-byte encapsulation, a 64-bit client "guid" and a
/// 64-bit sequence number in the encapsulation's byte order, then the request/response struct.
/// 16 bytes keep the body's alignment, so the body bytes are those of a plain message.
/// </summary>
public static class ServiceHeader
{
    /// <summary>Bytes the header adds after the encapsulation.</summary>
    public const int Size = 16;

    /// <summary>Writes <c>encapsulation + header + body</c> into <paramref name="destination"/>; returns the length.</summary>
    /// <param name="message">A plain message: encapsulation header (4 bytes) and body.</param>
    public static int Wrap(ReadOnlySpan<byte> message, ulong clientGuid, long sequence, Span<byte> destination)
    {
        if (message.Length < 4)
        {
            throw new ArgumentException("A service message needs at least the 4-byte encapsulation header.", nameof(message));
        }

        message[..4].CopyTo(destination);
        var little = message[1] == 0x01 || message[1] == 0x03;
        var h = destination.Slice(4, Size);
        if (little)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(h, clientGuid);
            BinaryPrimitives.WriteInt64LittleEndian(h[8..], sequence);
        }
        else
        {
            BinaryPrimitives.WriteUInt64BigEndian(h, clientGuid);
            BinaryPrimitives.WriteInt64BigEndian(h[8..], sequence);
        }

        message[4..].CopyTo(destination[(4 + Size)..]);
        return message.Length + Size;
    }

    /// <summary>Reads the header; false when the bytes are too short.</summary>
    public static bool TryRead(ReadOnlySpan<byte> wire, out ulong clientGuid, out long sequence)
    {
        clientGuid = 0;
        sequence = 0;
        if (wire.Length < 4 + Size)
        {
            return false;
        }

        var h = wire.Slice(4, Size);
        var little = wire[1] == 0x01 || wire[1] == 0x03;
        clientGuid = little ? BinaryPrimitives.ReadUInt64LittleEndian(h) : BinaryPrimitives.ReadUInt64BigEndian(h);
        sequence = little ? BinaryPrimitives.ReadInt64LittleEndian(h[8..]) : BinaryPrimitives.ReadInt64BigEndian(h[8..]);
        return true;
    }

    /// <summary>The plain message (encapsulation + body) inside a wire sample, as a new array.</summary>
    public static byte[] Unwrap(ReadOnlySpan<byte> wire)
    {
        var m = new byte[wire.Length - Size];
        wire[..4].CopyTo(m);
        wire[(4 + Size)..].CopyTo(m.AsSpan(4));
        return m;
    }

    /// <summary>
    /// The <c>clientid=</c>/<c>serviceid=</c> text rmw_cyclonedds writes: 16 bytes (participant GUID
    /// prefix + big-endian counter) in lowercase hex without leading zeros, joined by '.', the first
    /// right-aligned in two columns.
    /// </summary>
    public static string IdText(ReadOnlySpan<byte> participantGuid16, uint counter)
    {
        Span<byte> id = stackalloc byte[16];
        participantGuid16[..12].CopyTo(id);
        BinaryPrimitives.WriteUInt32BigEndian(id[12..], counter);
        var parts = new string[16];
        for (var i = 0; i < 16; i++)
        {
            parts[i] = id[i].ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        }

        parts[0] = parts[0].PadLeft(2);
        return string.Join('.', parts);
    }
}
