using System.Buffers.Binary;
using System.Text;

namespace Apprentice.Bag.Mcap;

/// <summary>
/// Growable little-endian byte buffer reused across records, so the steady-state write path
/// allocates nothing once it has grown to the largest record.
/// </summary>
internal sealed class ByteSink(int initialCapacity = 4096)
{
    private byte[] _buffer = new byte[Math.Max(16, initialCapacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(Length + count, checked(_buffer.Length * 2)));
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }

    /// <summary>Overwrites a little-endian u64 at <paramref name="at"/> (record length back-patching).</summary>
    public void PatchU64(int at, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(at), value);

    public void PatchU32(int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(at), value);

    public void U8(byte v) => Reserve(1)[0] = v;

    public void U16(ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), v);

    public void U32(uint v) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), v);

    public void U64(ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), v);

    public void Bytes(ReadOnlySpan<byte> data) => data.CopyTo(Reserve(data.Length));

    public void String(string s)
    {
        var n = Encoding.UTF8.GetByteCount(s);
        U32((uint)n);
        Encoding.UTF8.GetBytes(s, Reserve(n));
    }

    public void StringMap(IReadOnlyDictionary<string, string> map)
    {
        var at = Length;
        U32(0);
        foreach (var (k, v) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            String(k);
            String(v);
        }

        PatchU32(at, (uint)(Length - at - 4));
    }

    public void U16U64Map(IEnumerable<KeyValuePair<ushort, ulong>> map)
    {
        var at = Length;
        U32(0);
        foreach (var (k, v) in map)
        {
            U16(k);
            U64(v);
        }

        PatchU32(at, (uint)(Length - at - 4));
    }

    /// <summary>Starts a record: opcode and a length placeholder. Returns the position to pass to <see cref="EndRecord"/>.</summary>
    public int BeginRecord(McapOpcode opcode)
    {
        var at = Length;
        U8((byte)opcode);
        U64(0);
        return at;
    }

    public void EndRecord(int at) => PatchU64(at + 1, (ulong)(Length - at - McapMagic.RecordPrefixLength));
}
