using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Apprentice.Ros.Cdr;

/// <summary>
/// Reads an XCDR1 (plain CDR) payload with its 4-byte encapsulation header, as ROS 2 DDS layers
/// write it. Alignment counts from the byte after the header; both byte orders are read. Primitive
/// reads do not allocate. Every malformed input throws <see cref="CdrException"/>. Not thread-safe
/// (a ref struct over the caller's span).
/// </summary>
public ref struct CdrReader
{
    /// <summary>Size of the encapsulation header.</summary>
    public const int HeaderSize = 4;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private readonly ReadOnlySpan<byte> data;
    private int position;

    /// <summary>Starts reading <paramref name="payload"/> (header included).</summary>
    /// <exception cref="CdrException">The header is missing or names an encoding other than plain CDR.</exception>
    public CdrReader(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < HeaderSize)
        {
            throw new CdrException("payload of " + payload.Length + " bytes is shorter than the 4-byte encapsulation header", 0);
        }

        if (payload[0] != 0 || payload[1] > 1)
        {
            throw new CdrException(
                "encapsulation " + payload[0].ToString("x2", null) + " " + payload[1].ToString("x2", null) +
                " is not plain CDR (00 00 big-endian, 00 01 little-endian)", 0);
        }

        data = payload;
        IsLittleEndian = payload[1] == 1;
        position = HeaderSize;
    }

    /// <summary>True when the payload is little-endian.</summary>
    public bool IsLittleEndian { get; }

    /// <summary>Offset of the next byte to read, counting the header.</summary>
    public readonly int Position => position;

    /// <summary>Bytes left after <see cref="Position"/>.</summary>
    public readonly int Remaining => data.Length - position;

    /// <summary>Skips padding so the next read starts on a multiple of <paramref name="size"/> (1, 2, 4 or 8) from the body start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Align(int size)
    {
        var body = position - HeaderSize;
        var aligned = (body + size - 1) & ~(size - 1);
        var target = aligned + HeaderSize;
        if (target > data.Length)
        {
            throw Truncated(target - position);
        }

        position = target;
    }

    /// <summary>Reads a bool; anything but 0 or 1 is an error.</summary>
    public bool ReadBool()
    {
        var b = ReadUInt8();
        return b switch
        {
            0 => false,
            1 => true,
            _ => throw new CdrException("bool byte is " + b + ", expected 0 or 1", position - 1),
        };
    }

    /// <summary>Reads an unsigned byte (uint8, byte, char).</summary>
    public byte ReadUInt8() => Take(1)[0];

    /// <summary>Reads an int8.</summary>
    public sbyte ReadInt8() => (sbyte)Take(1)[0];

    /// <summary>Reads an aligned int16.</summary>
    public short ReadInt16() => IsLittleEndian ? BinaryPrimitives.ReadInt16LittleEndian(Aligned(2)) : BinaryPrimitives.ReadInt16BigEndian(Aligned(2));

    /// <summary>Reads an aligned uint16.</summary>
    public ushort ReadUInt16() => IsLittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(Aligned(2)) : BinaryPrimitives.ReadUInt16BigEndian(Aligned(2));

    /// <summary>Reads an aligned int32.</summary>
    public int ReadInt32() => IsLittleEndian ? BinaryPrimitives.ReadInt32LittleEndian(Aligned(4)) : BinaryPrimitives.ReadInt32BigEndian(Aligned(4));

    /// <summary>Reads an aligned uint32.</summary>
    public uint ReadUInt32() => IsLittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(Aligned(4)) : BinaryPrimitives.ReadUInt32BigEndian(Aligned(4));

    /// <summary>Reads an aligned int64 (8-byte alignment, as XCDR1 requires).</summary>
    public long ReadInt64() => IsLittleEndian ? BinaryPrimitives.ReadInt64LittleEndian(Aligned(8)) : BinaryPrimitives.ReadInt64BigEndian(Aligned(8));

    /// <summary>Reads an aligned uint64.</summary>
    public ulong ReadUInt64() => IsLittleEndian ? BinaryPrimitives.ReadUInt64LittleEndian(Aligned(8)) : BinaryPrimitives.ReadUInt64BigEndian(Aligned(8));

    /// <summary>Reads an aligned float32.</summary>
    public float ReadFloat32() => BitConverter.Int32BitsToSingle(ReadInt32());

    /// <summary>Reads an aligned float64.</summary>
    public double ReadFloat64() => BitConverter.Int64BitsToDouble(ReadInt64());

    /// <summary>
    /// Reads a sequence count and checks it against the bytes left: at least
    /// <paramref name="minElementSize"/> bytes per element must remain, so a lying count fails
    /// here before anything is allocated. A <paramref name="bound"/> above 0 is enforced too.
    /// </summary>
    public int ReadSequenceLength(int minElementSize, int bound = 0)
    {
        var at = position;
        var count = ReadUInt32();
        if (bound > 0 && count > (uint)bound)
        {
            throw new CdrException("sequence has " + count + " elements, more than its bound " + bound, at);
        }

        if ((ulong)count * (ulong)Math.Max(minElementSize, 0) > (ulong)Remaining)
        {
            throw new CdrException("sequence count " + count + " needs more bytes than the " + Remaining + " left", at);
        }

        return (int)count;
    }

    /// <summary>
    /// Reads a string's UTF-8 bytes without its terminating NUL and without allocating; the span
    /// points into the payload. Validates length and terminator (not UTF-8; see <see cref="ReadString"/>).
    /// </summary>
    public ReadOnlySpan<byte> ReadStringBytes(int bound = 0)
    {
        var at = position;
        var length = ReadUInt32();
        if (length == 0)
        {
            // Some writers send 0 for an empty string; accept it.
            return ReadOnlySpan<byte>.Empty;
        }

        if (length > (uint)Remaining)
        {
            throw new CdrException("string length " + length + " exceeds the " + Remaining + " bytes left", at);
        }

        var bytes = Take((int)length);
        if (bytes[bytes.Length - 1] != 0)
        {
            throw new CdrException("string of length " + length + " is not NUL-terminated", at);
        }

        if (bound > 0 && length - 1 > (uint)bound)
        {
            throw new CdrException("string of " + (length - 1) + " bytes exceeds its bound " + bound, at);
        }

        return bytes.Slice(0, bytes.Length - 1);
    }

    /// <summary>Reads a string (uint32 length including NUL, UTF-8 bytes, NUL); invalid UTF-8 is an error.</summary>
    public string ReadString(int bound = 0)
    {
        var at = position;
        var bytes = ReadStringBytes(bound);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new CdrException("string is not valid UTF-8", at);
        }
    }

    /// <summary>Reads a wstring as rmw_cyclonedds writes it: uint32 count of UTF-16 code units, then the units (no terminator).</summary>
    public string ReadWString(int bound = 0)
    {
        var count = ReadSequenceLength(2, bound);
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = (char)ReadUInt16();
        }

        return new string(chars);
    }

    /// <summary>
    /// Reads <paramref name="destination"/>.Length primitives (aligned to the element size) in one
    /// copy, swapping bytes only when the payload's order differs from the machine's.
    /// </summary>
    public void ReadArray<T>(Span<T> destination)
        where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        if (destination.IsEmpty)
        {
            return;
        }

        if (size > 1)
        {
            Align(Math.Min(size, 8));
        }

        var bytes = MemoryMarshal.AsBytes(destination);
        Take(bytes.Length).CopyTo(bytes);
        if (size > 1 && IsLittleEndian != BitConverter.IsLittleEndian)
        {
            CdrSwap.Reverse(bytes, size);
        }
    }

    /// <summary>
    /// Reads <paramref name="count"/> primitives into a new array after checking that the payload
    /// holds them (a lying count fails before allocating); swaps bytes only when needed.
    /// </summary>
    public T[] ReadArray<T>(int count)
        where T : unmanaged
    {
        if (count == 0)
        {
            return Array.Empty<T>();
        }

        var size = Unsafe.SizeOf<T>();
        if (count < 0 || (long)count * size > Remaining)
        {
            throw new CdrException("array of " + count + " elements needs more bytes than the " + Remaining + " left", position);
        }

        var result = new T[count];
        ReadArray<T>(result);
        return result;
    }

    /// <summary>Returns the next <paramref name="count"/> bytes as a slice of the payload (no copy, no alignment), e.g. image data.</summary>
    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    /// <summary>Skips <paramref name="count"/> bytes.</summary>
    public void Skip(int count)
    {
        _ = Take(count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Aligned(int size)
    {
        Align(size);
        return Take(size);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int count)
    {
        if ((uint)count > (uint)(data.Length - position))
        {
            throw Truncated(count);
        }

        var span = data.Slice(position, count);
        position += count;
        return span;
    }

    private readonly CdrException Truncated(int needed) =>
        new("payload truncated: need " + needed + " more bytes, " + (data.Length - position) + " left", position);
}
