using System.Runtime.CompilerServices;
using Apprentice.Ros.Cdr;

namespace Apprentice.Ros.Messages;

// Primitive wrappers: one line each so generated code names one API (see MessageCdr.cs).
public static partial class MessageCdr
{
    /// <summary>Writes a bool.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteBool(ref CdrWriter writer, bool value) => writer.WriteBool(value);

    /// <summary>Reads a bool.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ReadBool(ref CdrReader reader) => reader.ReadBool();

    /// <summary>Writes bool elements in one block copy (no count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteBoolArray(ref CdrWriter writer, ReadOnlySpan<bool> values) => writer.WriteArray(values);

    /// <summary>Reads bools one by one so a byte other than 0 or 1 is rejected.</summary>
    public static void ReadBoolArray(ref CdrReader reader, Span<bool> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = reader.ReadBool();
        }
    }

    /// <summary>Writes a byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt8(ref CdrWriter writer, byte value) => writer.WriteUInt8(value);

    /// <summary>Reads a byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte ReadUInt8(ref CdrReader reader) => reader.ReadUInt8();

    /// <summary>Writes byte elements in one block copy (no count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt8Array(ref CdrWriter writer, ReadOnlySpan<byte> values) => writer.WriteArray(values);

    /// <summary>Reads byte elements in one block copy (swapped only for a big-endian payload).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadUInt8Array(ref CdrReader reader, Span<byte> destination) => reader.ReadArray(destination);

    /// <summary>Writes a sbyte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt8(ref CdrWriter writer, sbyte value) => writer.WriteInt8(value);

    /// <summary>Reads a sbyte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static sbyte ReadInt8(ref CdrReader reader) => reader.ReadInt8();

    /// <summary>Writes sbyte elements in one block copy (no count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt8Array(ref CdrWriter writer, ReadOnlySpan<sbyte> values) => writer.WriteArray(values);

    /// <summary>Reads sbyte elements in one block copy (swapped only for a big-endian payload).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadInt8Array(ref CdrReader reader, Span<sbyte> destination) => reader.ReadArray(destination);

    /// <summary>Writes a short.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt16(ref CdrWriter writer, short value) => writer.WriteInt16(value);

    /// <summary>Reads a short.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short ReadInt16(ref CdrReader reader) => reader.ReadInt16();

    /// <summary>Writes short elements in one block copy (no count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt16Array(ref CdrWriter writer, ReadOnlySpan<short> values) => writer.WriteArray(values);

    /// <summary>Reads short elements in one block copy (swapped only for a big-endian payload).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadInt16Array(ref CdrReader reader, Span<short> destination) => reader.ReadArray(destination);

    /// <summary>Writes a ushort.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt16(ref CdrWriter writer, ushort value) => writer.WriteUInt16(value);

    /// <summary>Reads a ushort.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort ReadUInt16(ref CdrReader reader) => reader.ReadUInt16();

    /// <summary>Writes ushort elements in one block copy (no count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt16Array(ref CdrWriter writer, ReadOnlySpan<ushort> values) => writer.WriteArray(values);

    /// <summary>Reads ushort elements in one block copy (swapped only for a big-endian payload).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadUInt16Array(ref CdrReader reader, Span<ushort> destination) => reader.ReadArray(destination);

    /// <summary>Writes a int.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt32(ref CdrWriter writer, int value) => writer.WriteInt32(value);

    /// <summary>Reads a int.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadInt32(ref CdrReader reader) => reader.ReadInt32();

    /// <summary>Writes int elements in one block copy (no count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt32Array(ref CdrWriter writer, ReadOnlySpan<int> values) => writer.WriteArray(values);

    /// <summary>Reads int elements in one block copy (swapped only for a big-endian payload).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadInt32Array(ref CdrReader reader, Span<int> destination) => reader.ReadArray(destination);

    /// <summary>Writes a uint.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt32(ref CdrWriter writer, uint value) => writer.WriteUInt32(value);

    /// <summary>Reads a uint.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ReadUInt32(ref CdrReader reader) => reader.ReadUInt32();

    /// <summary>Writes uint elements in one block copy (no count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt32Array(ref CdrWriter writer, ReadOnlySpan<uint> values) => writer.WriteArray(values);

    /// <summary>Reads uint elements in one block copy (swapped only for a big-endian payload).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadUInt32Array(ref CdrReader reader, Span<uint> destination) => reader.ReadArray(destination);

    /// <summary>Writes a long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt64(ref CdrWriter writer, long value) => writer.WriteInt64(value);

    /// <summary>Reads a long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ReadInt64(ref CdrReader reader) => reader.ReadInt64();

    /// <summary>Writes long elements in one block copy (no count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt64Array(ref CdrWriter writer, ReadOnlySpan<long> values) => writer.WriteArray(values);

    /// <summary>Reads long elements in one block copy (swapped only for a big-endian payload).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadInt64Array(ref CdrReader reader, Span<long> destination) => reader.ReadArray(destination);

    /// <summary>Writes a ulong.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt64(ref CdrWriter writer, ulong value) => writer.WriteUInt64(value);

    /// <summary>Reads a ulong.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReadUInt64(ref CdrReader reader) => reader.ReadUInt64();

    /// <summary>Writes ulong elements in one block copy (no count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt64Array(ref CdrWriter writer, ReadOnlySpan<ulong> values) => writer.WriteArray(values);

    /// <summary>Reads ulong elements in one block copy (swapped only for a big-endian payload).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadUInt64Array(ref CdrReader reader, Span<ulong> destination) => reader.ReadArray(destination);

    /// <summary>Writes a float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteFloat32(ref CdrWriter writer, float value) => writer.WriteFloat32(value);

    /// <summary>Reads a float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ReadFloat32(ref CdrReader reader) => reader.ReadFloat32();

    /// <summary>Writes float elements in one block copy (no count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteFloat32Array(ref CdrWriter writer, ReadOnlySpan<float> values) => writer.WriteArray(values);

    /// <summary>Reads float elements in one block copy (swapped only for a big-endian payload).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadFloat32Array(ref CdrReader reader, Span<float> destination) => reader.ReadArray(destination);

    /// <summary>Writes a double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteFloat64(ref CdrWriter writer, double value) => writer.WriteFloat64(value);

    /// <summary>Reads a double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ReadFloat64(ref CdrReader reader) => reader.ReadFloat64();

    /// <summary>Writes double elements in one block copy (no count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteFloat64Array(ref CdrWriter writer, ReadOnlySpan<double> values) => writer.WriteArray(values);

    /// <summary>Reads double elements in one block copy (swapped only for a big-endian payload).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadFloat64Array(ref CdrReader reader, Span<double> destination) => reader.ReadArray(destination);
}
