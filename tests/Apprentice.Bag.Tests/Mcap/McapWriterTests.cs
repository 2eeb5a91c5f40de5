using Apprentice.Bag.Mcap;
using Apprentice.Bag.Storage;
using Apprentice.Bag.Tests.Support;

namespace Apprentice.Bag.Tests.Mcap;

public class McapWriterTests
{
    private static readonly McapCompressionKind[] Compressions =
        [McapCompressionKind.None, McapCompressionKind.Lz4, McapCompressionKind.Zstd];

    private static List<BagMessage> Messages(int n)
    {
        // Log times deliberately out of order within and across chunks.
        return Enumerable.Range(0, n).Select(i =>
        {
            var topic = i % 3 == 0 ? "/b" : "/a";
            var t = 1_000_000L + (i * 7919 % n) * 1000;
            return new BagMessage(topic, t, t - 5, Some.StringCdr($"hello {i} " + new string('x', i % 50)));
        }).ToList();
    }

    private static string WriteBag(string dir, McapCompressionKind compression, IReadOnlyList<BagMessage> messages, int chunk = 2048)
    {
        var path = Path.Combine(dir, $"bag_{compression}.mcap");
        using var w = new McapStorageWriter(path, McapWriterOptions.Default with { Compression = compression, ChunkSizeBytes = chunk });
        w.WriteBagMetadata("version: 8\nmessage_count: 0\n");
        w.CreateTopic(Some.StringTopic("/a"), Some.StringDef);
        w.CreateTopic(Some.StringTopic("/b"), Some.StringDef);
        w.CreateTopic(Some.StringTopic("/empty"), Some.StringDef);
        foreach (var m in messages)
        {
            w.Write(m);
        }

        w.WriteBagMetadata("version: 8\nmessage_count: " + messages.Count + "\n");
        return path;
    }

    [TestCaseSource(nameof(Compressions))]
    public void Written_file_reads_back_in_log_time_order_with_every_payload(McapCompressionKind compression)
    {
        var dir = Some.TempDir();
        var messages = Messages(500);
        var path = WriteBag(dir, compression, messages);

        using var reader = new McapStorageReader(path);
        var read = reader.ReadMessages().ToList();
        var expected = messages.Select((m, i) => (m, i)).OrderBy(p => p.m.RecvTimestampNs).ThenBy(p => p.i)
            .Select(p => p.m).ToList();

        Assert.That(reader.Recovered, Is.False);
        Assert.That(read.Select(m => (m.Topic, m.RecvTimestampNs, m.SendTimestampNs)),
            Is.EqualTo(expected.Select(m => (m.Topic, m.RecvTimestampNs, m.SendTimestampNs))));
        Assert.That(read.Select(m => m.Data.ToArray()), Is.EqualTo(expected.Select(m => m.Data.ToArray())));
        Assert.That(reader.MessageCounts["/empty"], Is.Zero);
        Assert.That(reader.SerializedBagMetadata, Does.Contain("message_count: 500"));
        Assert.That(reader.Topics.Select(t => t.OfferedQosProfiles), Is.All.EqualTo(Some.Qos));
    }

    [TestCaseSource(nameof(Compressions))]
    public void Stream_reader_validates_every_crc_the_writer_computed(McapCompressionKind compression)
    {
        var path = WriteBag(Some.TempDir(), compression, Messages(300));
        using var stream = File.OpenRead(path);
        var reader = new McapStreamReader(stream, new McapReaderOptions { FlattenChunks = false });
        var records = reader.ReadRecords().ToList();

        Assert.That(records.OfType<McapChunk>().Select(c => c.UncompressedCrc), Has.All.Not.Zero);
        Assert.That(records.OfType<McapChunk>().Select(c => c.Compression), Has.All.EqualTo(McapCompression.Name(compression)));
        Assert.That(records.OfType<McapDataEnd>().Single().DataSectionCrc, Is.Not.Zero);
        Assert.That(records.OfType<McapFooter>().Single().SummaryCrc, Is.Not.Zero);
        Assert.That(records.OfType<McapMetadataIndex>().Count(), Is.EqualTo(2));
        Assert.That(records.OfType<McapSummaryOffset>().Select(o => o.GroupOpcode), Is.EquivalentTo(new[]
            { McapOpcode.Schema, McapOpcode.Channel, McapOpcode.Statistics, McapOpcode.ChunkIndex, McapOpcode.MetadataIndex }));
        Assert.That(reader.Complete, Is.True);
        Assert.That(records.OfType<McapHeader>().Single().Profile, Is.EqualTo("ros2"));
        Assert.That(records.OfType<McapHeader>().Single().Library, Does.StartWith("Apprentice"));
    }

    [Test]
    public void Independent_validator_accepts_bags_with_every_compression()
    {
        var dir = Some.TempDir();
        var files = Compressions.Select(c => WriteBag(dir, c, Messages(400))).ToArray();

        var (code, output) = NodeValidator.Run(files);

        Assert.That(code, Is.Zero, output);
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(3).And.All.Contains("\"ok\":true"));
    }

    [Test]
    public void Validator_rejects_a_file_with_a_flipped_byte()
    {
        var path = WriteBag(Some.TempDir(), McapCompressionKind.None, Messages(50), chunk: 1 << 20);
        var bytes = File.ReadAllBytes(path);
        bytes[200] ^= 0xFF; // inside the chunk's records
        File.WriteAllBytes(path, bytes);

        var (code, _) = NodeValidator.Run(path);

        Assert.That(code, Is.EqualTo(1));
    }

    [Test]
    public void Steady_state_write_path_does_not_allocate()
    {
        using var stream = new MemoryStream();
        using var writer = new McapWriter(stream, McapWriterOptions.Default with { ChunkSizeBytes = 64 * 1024 });
        var schema = writer.AddSchema("std_msgs/msg/String", "ros2msg", "string data"u8);
        var channel = writer.AddChannel(schema, "/a", "cdr", new Dictionary<string, string>());
        var payload = Some.StringCdr(new string('p', 80));
        for (var i = 0; i < 20_000; i++)
        {
            writer.WriteMessage(channel, 0, (ulong)i, (ulong)i, payload); // warm up: grow buffers
        }

        writer.Flush();
        stream.Capacity = (int)stream.Length * 4;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 500; i++)
        {
            writer.WriteMessage(channel, 0, (ulong)i, (ulong)i, payload); // 500 × 113 B stay within one 64 KiB chunk
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
