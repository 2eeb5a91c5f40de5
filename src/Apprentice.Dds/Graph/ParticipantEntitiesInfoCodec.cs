using System.Buffers.Binary;
using System.Text;

namespace Apprentice.Dds.Graph;

/// <summary>
/// CDR of <c>rmw_dds_common/msg/ParticipantEntitiesInfo</c>: Gid gid, NodeEntitiesInfo[] (strings
/// node_namespace, node_name; Gid[] reader_gid_seq, writer_gid_seq). A Gid is a fixed byte array
/// of 24 bytes (Humble) or 16 (Iron and later): a 16-byte GUID zero-padded.
/// </summary>
internal static class ParticipantEntitiesInfoCodec
{
    public const string DdsTopic = "ros_discovery_info";
    public const string DdsType = "rmw_dds_common::msg::dds_::ParticipantEntitiesInfo_";

    public static byte[] Encode(string participantGid, IReadOnlyList<GraphNode> nodes, int gidSize)
    {
        var buf = new List<byte>(256) { 0x00, 0x01, 0x00, 0x00 };
        Gid(buf, participantGid, gidSize);
        U32(buf, (uint)nodes.Count);
        foreach (var n in nodes)
        {
            Str(buf, n.Namespace);
            Str(buf, n.Name);
            U32(buf, (uint)n.ReaderGids.Count);
            foreach (var g in n.ReaderGids)
            {
                Gid(buf, g, gidSize);
            }

            U32(buf, (uint)n.WriterGids.Count);
            foreach (var g in n.WriterGids)
            {
                Gid(buf, g, gidSize);
            }
        }

        while (buf.Count % 4 != 0)
        {
            buf.Add(0);
        }

        return [.. buf];
    }

    /// <summary>Decodes, or returns null when the bytes are malformed (never throws on bad input).</summary>
    public static (string ParticipantGid, List<GraphNode> Nodes)? Decode(ReadOnlySpan<byte> cdr, int gidSize)
    {
        if (cdr.Length < 4 + gidSize + 4)
        {
            return null;
        }

        var little = cdr[1] == 0x01;
        var pos = 4;
        var participant = ReadGid(cdr, ref pos, gidSize);
        if (!TryU32(cdr, ref pos, little, out var count) || count > (uint)cdr.Length)
        {
            return null;
        }

        var nodes = new List<GraphNode>((int)Math.Min(count, 64));
        for (var i = 0; i < count; i++)
        {
            if (!TryStr(cdr, ref pos, little, out var ns) || !TryStr(cdr, ref pos, little, out var name)
                || !TryGids(cdr, ref pos, little, gidSize, out var readers) || !TryGids(cdr, ref pos, little, gidSize, out var writers))
            {
                return null;
            }

            nodes.Add(new GraphNode(ns, name, participant, readers, writers));
        }

        return (participant, nodes);
    }

    private static void U32(List<byte> buf, uint v)
    {
        while ((buf.Count - 4) % 4 != 0)
        {
            buf.Add(0);
        }

        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        buf.AddRange(b);
    }

    private static void Str(List<byte> buf, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        U32(buf, (uint)bytes.Length + 1);
        buf.AddRange(bytes);
        buf.Add(0);
    }

    private static void Gid(List<byte> buf, string hex, int size)
    {
        var bytes = Convert.FromHexString(hex);
        for (var i = 0; i < size; i++)
        {
            buf.Add(i < bytes.Length ? bytes[i] : (byte)0);
        }
    }

    private static string ReadGid(ReadOnlySpan<byte> cdr, ref int pos, int size)
    {
        var s = Convert.ToHexStringLower(cdr.Slice(pos, Math.Min(16, size)));
        pos += size;
        return s;
    }

    private static bool TryU32(ReadOnlySpan<byte> cdr, ref int pos, bool little, out uint v)
    {
        pos = 4 + ((pos - 4 + 3) & ~3);
        if (pos + 4 > cdr.Length)
        {
            v = 0;
            return false;
        }

        v = little ? BinaryPrimitives.ReadUInt32LittleEndian(cdr[pos..]) : BinaryPrimitives.ReadUInt32BigEndian(cdr[pos..]);
        pos += 4;
        return true;
    }

    private static bool TryStr(ReadOnlySpan<byte> cdr, ref int pos, bool little, out string s)
    {
        s = string.Empty;
        if (!TryU32(cdr, ref pos, little, out var n) || n == 0 || n > cdr.Length - pos)
        {
            return false;
        }

        s = Encoding.UTF8.GetString(cdr.Slice(pos, (int)n - 1));
        pos += (int)n;
        return true;
    }

    private static bool TryGids(ReadOnlySpan<byte> cdr, ref int pos, bool little, int size, out List<string> gids)
    {
        gids = [];
        if (!TryU32(cdr, ref pos, little, out var n) || (long)n * size > cdr.Length - pos)
        {
            return false;
        }

        for (var i = 0; i < n; i++)
        {
            gids.Add(ReadGid(cdr, ref pos, size));
        }

        return true;
    }
}
