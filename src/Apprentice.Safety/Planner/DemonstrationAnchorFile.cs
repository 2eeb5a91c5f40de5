using System.Buffers.Binary;
using System.Text;

namespace Apprentice.Safety.Planner;

/// <summary>
/// Binary file format of a <see cref="DemonstrationAnchor"/> (".apda"), little-endian throughout:
/// <code>
/// offset  size        field
/// 0       4           magic "APDA" (ASCII)
/// 4       2           u16 format version (1)
/// 6       2           u16 dims D (1..1024)
/// 8       4           u32 point count N (1..16 777 216)
/// 12      4           u32 trajectory count T (number of distinct trajectory ids)
/// 16      8           f64 region radius (normalised units, &gt; 0)
/// 24      8·D         f64 mean[D]
/// 24+8D   8·D         f64 std[D] (&gt; 0)
/// 24+16D  N·(4+4·D)   N records: i32 trajectory id, f32 point[D] (raw units); a trajectory's records are contiguous, in time order
/// </code>
/// Total length is exactly 24 + 16·D + N·(4 + 4·D). The trainer writes it; the safety planner reads it at configure time.
/// </summary>
public static class DemonstrationAnchorFile
{
    /// <summary>Current format version.</summary>
    public const ushort Version = 1;

    private const int HeaderBytes = 24;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("APDA");

    /// <summary>Serialises <paramref name="anchor"/>.</summary>
    public static byte[] Write(DemonstrationAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        var d = anchor.Dims;
        var bytes = new byte[HeaderBytes + (16 * d) + (anchor.Count * (4 + (4 * d)))];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], (ushort)d);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)anchor.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], (uint)anchor.TrajectoryCount);
        BinaryPrimitives.WriteDoubleLittleEndian(span[16..], anchor.RegionRadius);
        var std = anchor.Std;
        for (var k = 0; k < d; k++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(span[(HeaderBytes + (8 * k))..], anchor.Mean[k]);
            BinaryPrimitives.WriteDoubleLittleEndian(span[(HeaderBytes + (8 * d) + (8 * k))..], std[k]);
        }

        var at = HeaderBytes + (16 * d);
        for (var i = 0; i < anchor.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], anchor.TrajectoryOf(i));
            at += 4;
            foreach (var v in anchor.Point(i))
            {
                BinaryPrimitives.WriteSingleLittleEndian(span[at..], v);
                at += 4;
            }
        }

        return bytes;
    }

    /// <summary>Parses a file's bytes.</summary>
    /// <param name="data">The file content.</param>
    /// <param name="sourceName">Name used in error messages.</param>
    /// <exception cref="InvalidDataException">The data is not a valid anchor file; the message names the field.</exception>
    public static DemonstrationAnchor Read(ReadOnlySpan<byte> data, string sourceName = "anchor")
    {
        if (data.Length < HeaderBytes || !data[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{sourceName}: not a demonstration anchor file (expected magic \"APDA\" and a {HeaderBytes}-byte header).");
        }

        var version = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
        if (version != Version)
        {
            throw new InvalidDataException($"{sourceName}: format version {version} is not supported (this build reads version {Version}); re-export the anchor.");
        }

        int d = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]);
        var n = BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
        var t = BinaryPrimitives.ReadUInt32LittleEndian(data[12..]);
        if (d is 0 or > 1024 || n is 0 or > (1 << 24))
        {
            throw new InvalidDataException($"{sourceName}: dims {d} must be in 1..1024 and point count {n} in 1..16777216.");
        }

        var expected = HeaderBytes + (16L * d) + (n * (4L + (4L * d)));
        if (data.Length != expected)
        {
            throw new InvalidDataException($"{sourceName}: length {data.Length} bytes, expected {expected} for {n} points of {d} dims (truncated or padded file).");
        }

        var radius = BinaryPrimitives.ReadDoubleLittleEndian(data[16..]);
        var mean = new double[d];
        var std = new double[d];
        for (var k = 0; k < d; k++)
        {
            mean[k] = BinaryPrimitives.ReadDoubleLittleEndian(data[(HeaderBytes + (8 * k))..]);
            std[k] = BinaryPrimitives.ReadDoubleLittleEndian(data[(HeaderBytes + (8 * d) + (8 * k))..]);
        }

        var points = new float[n * d];
        var ids = new int[n];
        var at = HeaderBytes + (16 * d);
        for (var i = 0; i < n; i++)
        {
            ids[i] = BinaryPrimitives.ReadInt32LittleEndian(data[at..]);
            at += 4;
            for (var k = 0; k < d; k++)
            {
                points[(i * d) + k] = BinaryPrimitives.ReadSingleLittleEndian(data[at..]);
                at += 4;
            }
        }

        DemonstrationAnchor anchor;
        try
        {
            anchor = new DemonstrationAnchor(d, mean, std, radius, points, ids);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{sourceName}: {ex.Message}.", ex);
        }

        return anchor.TrajectoryCount == t
            ? anchor
            : throw new InvalidDataException($"{sourceName}: header says {t} trajectories but the records hold {anchor.TrajectoryCount}.");
    }
}
