using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Apprentice.Ros.Cdr;

/// <summary>
/// Writes an XCDR1 little-endian payload: header <c>00 01 00 00</c>, alignment from the byte after
/// the header. Writes into a caller's span (throws <see cref="CdrException"/> when it is too small)
/// or into a growing buffer rented from <see cref="ArrayPool{T}.Shared"/> (call <see cref="Dispose"/>).
/// Not thread-safe.
/// </summary>
public ref struct CdrWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private Span<byte> buffer;
    private byte[]? rented;
    private int position;

    /// <summary>Writes into <paramref name="destination"/>; the header is written at once.</summary>
    public CdrWriter(Span<byte> destination)
    {
        buffer = destination;
        rented = null;
        position = 0;
        WriteHeader();
    }

    /// <summary>Writes into a pooled buffer that grows as needed, starting at <paramref name="initialCapacity"/> bytes.</summary>
    public CdrWriter(int initialCapacity)
    {
        rented = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 64));
        buffer = rented;
        position = 0;
        WriteHeader();
    }

    /// <summary>Bytes written so far, header included.</summary>
    public readonly int Length => position;

    /// <summary>The bytes written so far (valid until the next write or <see cref="Dispose"/>).</summary>
    public readonly ReadOnlySpan<byte> Written => buffer.Slice(0, position);

    /// <summary>Copies the written bytes into a new array.</summary>
    public readonly byte[] ToArray() => Written.ToArray();

    /// <summary>Writes zero padding so the next value starts at a multiple of <paramref name="size"/> from the body start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Align(int size)
    {
        var body = position - CdrReader.HeaderSize;
        var pad = ((body + size - 1) & ~(size - 1)) - body;
        if (pad > 0)
        {
            Reserve(pad).Clear();
        }
    }

    /// <summary>Writes a bool as 0 or 1.</summary>
    public void WriteBool(bool value) => Reserve(1)[0] = value ? (byte)1 : (byte)0;

    /// <summary>Writes a uint8 (also byte, char).</summary>
    public void WriteUInt8(byte value) => Reserve(1)[0] = value;

    /// <summary>Writes an int8.</summary>
    public void WriteInt8(sbyte value) => Reserve(1)[0] = (byte)value;

    /// <summary>Writes an aligned int16.</summary>
    public void WriteInt16(short value) => BinaryPrimitives.WriteInt16LittleEndian(Aligned(2), value);

    /// <summary>Writes an aligned uint16.</summary>
    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Aligned(2), value);

    /// <summary>Writes an aligned int32.</summary>
    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Aligned(4), value);

    /// <summary>Writes an aligned uint32.</summary>
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Aligned(4), value);

    /// <summary>Writes an aligned int64.</summary>
    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Aligned(8), value);

    /// <summary>Writes an aligned uint64.</summary>
    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Aligned(8), value);

    /// <summary>Writes an aligned float32.</summary>
    public void WriteFloat32(float value) => WriteInt32(BitConverter.SingleToInt32Bits(value));

    /// <summary>Writes an aligned float64.</summary>
    public void WriteFloat64(double value) => WriteInt64(BitConverter.DoubleToInt64Bits(value));

    /// <summary>Writes a sequence count, enforcing <paramref name="bound"/> when above 0.</summary>
    public void WriteSequenceLength(int count, int bound = 0)
    {
        if (count < 0 || (bound > 0 && count > bound))
        {
            throw new CdrException("sequence of " + count + " elements exceeds its bound " + bound, position);
        }

        WriteUInt32((uint)count);
    }

    /// <summary>Writes a string: uint32 byte length including NUL, UTF-8 bytes, NUL. <paramref name="bound"/> limits characters.</summary>
    public void WriteString(string value, int bound = 0)
    {
        ArgumentNullException.ThrowIfNull(value);

        // Most ROS strings (frame ids, joint names) are ASCII: one byte per char, no UTF-8 encoder.
        var ascii = Ascii.IsValid(value);
        int byteCount;
        if (ascii)
        {
            byteCount = value.Length;
        }
        else
        {
            try
            {
                byteCount = StrictUtf8.GetByteCount(value);
            }
            catch (EncoderFallbackException)
            {
                throw new CdrException("string holds an unpaired UTF-16 surrogate and cannot be encoded as UTF-8", position);
            }
        }

        // Bounds count bytes on the wire, as the reader checks them.
        if (bound > 0 && byteCount > bound)
        {
            throw new CdrException("string of " + byteCount + " UTF-8 bytes exceeds its bound " + bound, position);
        }

        WriteUInt32((uint)byteCount + 1);
        var span = Reserve(byteCount + 1);
        if (ascii)
        {
            Ascii.FromUtf16(value, span, out _);
        }
        else
        {
            StrictUtf8.GetBytes(value, span);
        }

        span[byteCount] = 0;
    }

    /// <summary>Writes UTF-8 bytes (without NUL) as a string.</summary>
    public void WriteStringBytes(ReadOnlySpan<byte> utf8, int bound = 0)
    {
        if (bound > 0 && utf8.Length > bound)
        {
            throw new CdrException("string of " + utf8.Length + " bytes exceeds its bound " + bound, position);
        }

        WriteUInt32((uint)utf8.Length + 1);
        var span = Reserve(utf8.Length + 1);
        utf8.CopyTo(span);
        span[utf8.Length] = 0;
    }

    /// <summary>Writes a wstring as rmw_cyclonedds does: uint32 count of UTF-16 code units, then the units.</summary>
    public void WriteWString(string value, int bound = 0)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteSequenceLength(value.Length, bound);
        foreach (var c in value)
        {
            WriteUInt16(c);
        }
    }

    /// <summary>Writes primitives (aligned to the element size) in one copy; no count (write it first for sequences).</summary>
    public void WriteArray<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        if (values.IsEmpty)
        {
            return;
        }

        var size = Unsafe.SizeOf<T>();
        if (size > 1)
        {
            Align(Math.Min(size, 8));
        }

        var source = MemoryMarshal.AsBytes(values);
        var target = Reserve(source.Length);
        source.CopyTo(target);
        if (size > 1 && !BitConverter.IsLittleEndian)
        {
            CdrSwap.Reverse(target, size);
        }
    }

    /// <summary>Writes raw bytes with no alignment.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>Returns the pooled buffer, if any. The writer must not be used afterwards.</summary>
    public void Dispose()
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
            rented = null;
            buffer = default;
        }
    }

    private void WriteHeader()
    {
        var header = Reserve(CdrReader.HeaderSize);
        header[0] = 0;
        header[1] = 1;
        header[2] = 0;
        header[3] = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Aligned(int size)
    {
        Align(size);
        return Reserve(size);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int count)
    {
        if (count > buffer.Length - position)
        {
            Grow(count);
        }

        var span = buffer.Slice(position, count);
        position += count;
        return span;
    }

    private void Grow(int count)
    {
        if (rented is null)
        {
            throw new CdrException("destination of " + buffer.Length + " bytes is too small; " + count + " more bytes needed", position);
        }

        var needed = (long)position + count;
        var size = (int)Math.Min(Math.Max(needed, (long)buffer.Length * 2), Array.MaxLength);
        if (size < needed)
        {
            throw new CdrException("message larger than the largest possible buffer", position);
        }

        var bigger = ArrayPool<byte>.Shared.Rent(size);
        buffer.Slice(0, position).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(rented);
        rented = bigger;
        buffer = bigger;
    }
}
