using System.Buffers.Binary;
using System.Text;

namespace Apprentice.Bag.Mcap;

/// <summary>
/// Bounds-checked little-endian reader over one record body. Every length prefix is checked
/// against the bytes left, so a hostile length can never cause a read past the end or a large
/// allocation.
/// </summary>
internal struct McapFieldReader
{
    private readonly ReadOnlyMemory<byte> _body;
    private readonly long _recordOffset;
    private readonly long? _chunkAt;
    private readonly string _what;
    private int _pos;

    public McapFieldReader(ReadOnlyMemory<byte> body, long recordOffset, long? chunkAt, string what)
    {
        _body = body;
        _recordOffset = recordOffset;
        _chunkAt = chunkAt;
        _what = what;
        _pos = 0;
    }

    public readonly int Remaining => _body.Length - _pos;

    public byte U8() => Take(1)[0];

    public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public string String()
    {
        var len = U32();
        return Encoding.UTF8.GetString(Take(Checked(len, "string")));
    }

    public ReadOnlyMemory<byte> Bytes32() => TakeMemory(Checked(U32(), "byte array"));

    public ReadOnlyMemory<byte> Bytes64() => TakeMemory(Checked(U64(), "byte array"));

    public ReadOnlyMemory<byte> Rest() => TakeMemory(Remaining);

    public Dictionary<string, string> StringMap()
    {
        var inner = Sub("map");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (inner.Remaining > 0)
        {
            var key = inner.String();
            map[key] = inner.String();
        }

        return map;
    }

    public Dictionary<ushort, ulong> U16U64Map()
    {
        var inner = Sub("map");
        var map = new Dictionary<ushort, ulong>();
        while (inner.Remaining > 0)
        {
            var key = inner.U16();
            map[key] = inner.U64();
        }

        return map;
    }

    public List<McapMessageIndexEntry> IndexEntries()
    {
        var inner = Sub("message index array");
        var list = new List<McapMessageIndexEntry>(inner.Remaining / 16);
        while (inner.Remaining > 0)
        {
            list.Add(new McapMessageIndexEntry(inner.U64(), inner.U64()));
        }

        return list;
    }

    private McapFieldReader Sub(string what)
    {
        var len = Checked(U32(), what);
        return new McapFieldReader(TakeMemory(len), _recordOffset, _chunkAt, _what + " " + what);
    }

    private int Checked(ulong len, string what)
    {
        if (len > (ulong)Remaining)
        {
            throw Error($"{_what}: {what} length {len} runs past the end of the record ({Remaining} bytes left)");
        }

        return (int)len;
    }

    private ReadOnlySpan<byte> Take(int n) => TakeMemory(n).Span;

    private ReadOnlyMemory<byte> TakeMemory(int n)
    {
        if (n > Remaining)
        {
            throw Error($"{_what}: record too short (needs {n} more bytes, {Remaining} left)");
        }

        var m = _body.Slice(_pos, n);
        _pos += n;
        return m;
    }

    private readonly McapException Error(string message) => new(message, _recordOffset, _chunkAt);
}
