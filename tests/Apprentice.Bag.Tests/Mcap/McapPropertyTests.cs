using Apprentice.Bag.Mcap;
using CsCheck;

namespace Apprentice.Bag.Tests.Mcap;

public class McapPropertyTests
{
    private static readonly Gen<(ushort Channel, ulong Time, byte[] Data)> GenMessage =
        Gen.Select(Gen.UShort[1, 3], Gen.ULong[0, 1000], Gen.Byte.Array[0, 300], (c, t, d) => (c, t, d));

    private static readonly Gen<(int Chunk, McapCompressionKind Compression, (ushort Channel, ulong Time, byte[] Data)[] Messages)> GenFile =
        Gen.Select(Gen.Int[1, 5000], Gen.Enum<McapCompressionKind>(), GenMessage.Array[0, 200], (c, k, m) => (c, k, m));

    private static byte[] Write(int chunk, McapCompressionKind compression, (ushort Channel, ulong Time, byte[] Data)[] messages)
    {
        using var stream = new MemoryStream();
        using (var w = new McapWriter(stream, McapWriterOptions.Default with { ChunkSizeBytes = chunk, Compression = compression }, leaveOpen: true))
        {
            var s = w.AddSchema("s", "ros2msg", "uint8[] data"u8);
            for (var i = 0; i < 3; i++)
            {
                w.AddChannel(s, "/t" + i, "cdr", new Dictionary<string, string> { ["offered_qos_profiles"] = "" });
            }

            foreach (var (c, t, d) in messages)
            {
                w.WriteMessage(c, 0, t, t, d);
            }
        }

        return stream.ToArray();
    }

    [Test]
    public void Any_written_file_reads_back_exactly_streamed_and_indexed() =>
        GenFile.Sample(f =>
        {
            var bytes = Write(f.Chunk, f.Compression, f.Messages);
            var streamed = new McapStreamReader(new MemoryStream(bytes)).ReadRecords().OfType<McapMessage>().ToList();
            var indexed = McapIndexedReader.Open(new MemoryStream(bytes)).ReadMessages().ToList();
            var expectedIndexed = f.Messages.Select((m, i) => (m, i)).OrderBy(p => p.m.Time).ThenBy(p => p.i).Select(p => p.m).ToList();

            return streamed.Select(m => (m.ChannelId, m.LogTime, Convert.ToHexString(m.Data.Span)))
                       .SequenceEqual(f.Messages.Select(m => (m.Channel, m.Time, Convert.ToHexString(m.Data)))) &&
                   indexed.Select(m => (m.ChannelId, m.LogTime, Convert.ToHexString(m.Data.Span)))
                       .SequenceEqual(expectedIndexed.Select(m => (m.Channel, m.Time, Convert.ToHexString(m.Data))));
        }, iter: 150);

    [Test]
    public void Any_single_byte_corruption_gives_a_typed_error_or_a_valid_read() =>
        Gen.Select(GenFile, Gen.Int, Gen.Byte[1, 255], (f, at, x) => (f, at, x)).Sample(t =>
        {
            var bytes = Write(t.f.Chunk, t.f.Compression, t.f.Messages);
            bytes[(int)((uint)t.at % bytes.Length)] ^= t.x;
            try
            {
                _ = new McapStreamReader(new MemoryStream(bytes)).ReadRecords().Count();
                _ = McapIndexedReader.Open(new MemoryStream(bytes)).ReadMessages().Count();
            }
            catch (McapException)
            {
            }
        }, iter: 300);
}
