using System.Buffers.Binary;
using System.Text;

namespace Apprentice.Dds.Tests.Interop;

/// <summary>
/// A tiny little-endian XCDR1 writer for tests (the real codec lives elsewhere). Alignment is
/// relative to the byte after the 4-byte encapsulation header, as ROS 2 serializes.
/// </summary>
internal sealed class CdrWriter
{
    private readonly List<byte> _buf = [0x00, 0x01, 0x00, 0x00];

    public byte[] ToArray() => [.. _buf];

    public CdrWriter I32(int v) => Put(4, b => BinaryPrimitives.WriteInt32LittleEndian(b, v));

    public CdrWriter U32(uint v) => Put(4, b => BinaryPrimitives.WriteUInt32LittleEndian(b, v));

    public CdrWriter F32(float v) => Put(4, b => BinaryPrimitives.WriteSingleLittleEndian(b, v));

    public CdrWriter F64(double v) => Put(8, b => BinaryPrimitives.WriteDoubleLittleEndian(b, v));

    public CdrWriter U8(byte v)
    {
        _buf.Add(v);
        return this;
    }

    public CdrWriter Str(string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        U32((uint)bytes.Length + 1);
        _buf.AddRange(bytes);
        _buf.Add(0);
        return this;
    }

    public CdrWriter Seq<T>(IReadOnlyList<T> items, Action<CdrWriter, T> each)
    {
        U32((uint)items.Count);
        foreach (var item in items)
        {
            each(this, item);
        }

        return this;
    }

    public CdrWriter Bytes(byte[] data)
    {
        U32((uint)data.Length);
        _buf.AddRange(data);
        return this;
    }

    private CdrWriter Put(int size, Action<Span<byte>> write)
    {
        while ((_buf.Count - 4) % size != 0)
        {
            _buf.Add(0);
        }

        Span<byte> tmp = stackalloc byte[8];
        write(tmp);
        for (var i = 0; i < size; i++)
        {
            _buf.Add(tmp[i]);
        }

        return this;
    }
}

/// <summary>The matching reader; honours the encapsulation's byte order, ignores options.</summary>
internal sealed class CdrReader(byte[] data)
{
    private readonly bool _little = data.Length >= 2 && data[1] == 0x01;
    private int _pos = 4;

    public int I32() => _little ? BinaryPrimitives.ReadInt32LittleEndian(Take(4)) : BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public uint U32() => _little ? BinaryPrimitives.ReadUInt32LittleEndian(Take(4)) : BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public float F32() => _little ? BinaryPrimitives.ReadSingleLittleEndian(Take(4)) : BinaryPrimitives.ReadSingleBigEndian(Take(4));

    public double F64() => _little ? BinaryPrimitives.ReadDoubleLittleEndian(Take(8)) : BinaryPrimitives.ReadDoubleBigEndian(Take(8));

    public byte U8() => data[_pos++];

    public string Str()
    {
        var n = (int)U32();
        var s = Encoding.UTF8.GetString(data, _pos, Math.Max(0, n - 1));
        _pos += n;
        return s;
    }

    public T[] Seq<T>(Func<CdrReader, T> each)
    {
        var n = (int)U32();
        var items = new T[n];
        for (var i = 0; i < n; i++)
        {
            items[i] = each(this);
        }

        return items;
    }

    public byte[] Bytes()
    {
        var n = (int)U32();
        var b = data.AsSpan(_pos, n).ToArray();
        _pos += n;
        return b;
    }

    private ReadOnlySpan<byte> Take(int size)
    {
        while ((_pos - 4) % size != 0)
        {
            _pos++;
        }

        var s = data.AsSpan(_pos, size);
        _pos += size;
        return s;
    }
}
