using System.Buffers.Binary;
using Apprentice.Bag.Mcap;
using Apprentice.Bag.Storage;
using Apprentice.Bag.Tests.Support;
using Apprentice.Testing;

namespace Apprentice.Bag.Tests.Mcap;

public class HostileInputTests
{
    private static IEnumerable<string> McapFiles() => Manifest.Of("mcap");

    private static string Copy(string relative, Func<byte[], byte[]> mutate)
    {
        var bytes = mutate(File.ReadAllBytes(TestData.Path(relative.Split('/'))));
        var path = Path.Combine(Some.TempDir(), "x.mcap");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [TestCaseSource(nameof(McapFiles))]
    public void Truncation_at_random_offsets_recovers_or_fails_typed(string relative)
    {
        var full = File.ReadAllBytes(TestData.Path(relative.Split('/')));
        var total = (int)Manifest.Entry(relative)["message_count"]!;
        var random = new Random(relative.Length);
        for (var i = 0; i < 30; i++)
        {
            var cut = random.Next(0, full.Length);
            var path = Copy(relative, b => b[..cut]);
            try
            {
                using var reader = new McapStorageReader(path);
                var n = reader.ReadMessages().Count();
                Assert.That(reader.Recovered, Is.True, $"cut at {cut}");
                Assert.That(n, Is.LessThanOrEqualTo(total), $"cut at {cut}");
            }
            catch (McapException)
            {
                // typed error: fine
            }
        }
    }

    [TestCaseSource(nameof(McapFiles))]
    public void Truncation_inside_the_summary_recovers_every_message(string relative)
    {
        var full = File.ReadAllBytes(TestData.Path(relative.Split('/')));
        using var stream = new MemoryStream(full);
        var summaryStart = (int)McapIndexedReader.Open(stream).Footer.SummaryStart;
        var path = Copy(relative, b => b[..(summaryStart + 3)]);

        using var reader = new McapStorageReader(path);

        Assert.That(reader.Recovered, Is.True);
        Assert.That(reader.ReadMessages().Count(), Is.EqualTo((int)Manifest.Entry(relative)["message_count"]!));
    }

    [TestCaseSource(nameof(McapFiles))]
    public void Flipped_bytes_never_crash_the_readers(string relative)
    {
        var random = new Random(relative.GetHashCode(StringComparison.Ordinal));
        for (var i = 0; i < 40; i++)
        {
            var path = Copy(relative, b =>
            {
                for (var k = 0; k < 3; k++)
                {
                    b[random.Next(b.Length)] ^= (byte)random.Next(1, 256);
                }

                return b;
            });
            try
            {
                using var reader = new McapStorageReader(path);
                _ = reader.ReadMessages().Count();
            }
            catch (McapException)
            {
            }
        }
    }

    [Test]
    public void Decompression_bomb_is_refused_before_allocating()
    {
        var path = WriteOneChunk(McapCompressionKind.Zstd);
        var bytes = File.ReadAllBytes(path);
        var chunkAt = FindOpcode(bytes, McapOpcode.Chunk);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(chunkAt + 9 + 16), 1UL << 40); // uncompressed_size
        using var stream = new MemoryStream(bytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<McapException>(() => new McapStreamReader(stream).ReadRecords().ToList());

        Assert.That(e!.Message, Does.Contain("over the cap"));
        Assert.That(e.Offset, Is.EqualTo(chunkAt));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1 << 20));
    }

    [Test]
    public void Record_length_past_the_end_is_a_typed_error_with_its_offset()
    {
        var bytes = File.ReadAllBytes(WriteOneChunk(McapCompressionKind.None));
        var chunkAt = FindOpcode(bytes, McapOpcode.Chunk);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(chunkAt + 1), ulong.MaxValue - 3);
        using var stream = new MemoryStream(bytes);

        var e = Assert.Throws<McapException>(() => new McapStreamReader(stream).ReadRecords().ToList());

        Assert.That(e!.Offset, Is.EqualTo(chunkAt));
    }

    [Test]
    public void Length_inside_a_chunk_past_its_end_is_a_typed_error()
    {
        var bytes = File.ReadAllBytes(WriteOneChunk(McapCompressionKind.None, crc: false));
        var chunkAt = FindOpcode(bytes, McapOpcode.Chunk);
        var recordsAt = chunkAt + 9 + 8 + 8 + 8 + 4 + 4 + 8; // prefix, times, size, crc, "" compression, records length
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(recordsAt + 1), 1UL << 50);
        using var stream = new MemoryStream(bytes);

        var e = Assert.Throws<McapException>(() => new McapStreamReader(stream).ReadRecords().ToList());

        Assert.That(e!.InChunkAt, Is.EqualTo(chunkAt));
    }

    [Test]
    public void Corrupted_chunk_fails_its_crc_and_is_skipped_in_recovery()
    {
        var bytes = File.ReadAllBytes(WriteOneChunk(McapCompressionKind.None));
        var chunkAt = FindOpcode(bytes, McapOpcode.Chunk);
        bytes[chunkAt + 80] ^= 0x55;

        using var strict = new MemoryStream(bytes);
        Assert.Throws<McapException>(() => new McapStreamReader(strict).ReadRecords().ToList());
        using var lenient = new MemoryStream(bytes);
        var reader = new McapStreamReader(lenient, new McapReaderOptions { Recover = true });
        Assert.That(reader.ReadRecords().OfType<McapMessage>().Count(), Is.Zero);
        Assert.That(reader.SkippedChunks, Is.EqualTo(1));
    }

    [Test]
    public void Writer_killed_mid_recording_loses_at_most_the_open_chunk()
    {
        using var stream = new MemoryStream();
        var writer = new McapWriter(stream, McapWriterOptions.Default with { ChunkSizeBytes = 4096 });
        var schema = writer.AddSchema("std_msgs/msg/String", "ros2msg", "string data"u8);
        var channel = writer.AddChannel(schema, "/a", "cdr", new Dictionary<string, string> { ["offered_qos_profiles"] = "" });
        for (var i = 0; i < 1000; i++)
        {
            writer.WriteMessage(channel, 0, (ulong)i, (ulong)i, Some.StringCdr("message " + i));
        }

        var killed = stream.ToArray(); // what is on disk when SIGKILL arrives: no summary, open chunk lost
        var path = Path.Combine(Some.TempDir(), "killed.mcap");
        File.WriteAllBytes(path, killed);

        using var reader = new McapStorageReader(path);
        var recovered = reader.ReadMessages().ToList();

        Assert.That(reader.Recovered, Is.True);
        Assert.That(recovered, Has.Count.GreaterThan(900).And.Count.LessThanOrEqualTo(1000));
        Assert.That(recovered.Select(m => m.RecvTimestampNs), Is.EqualTo(Enumerable.Range(0, recovered.Count).Select(i => (long)i)));
    }

    [Test]
    public void Hostile_length_on_an_unseekable_stream_does_not_allocate_it()
    {
        var bytes = File.ReadAllBytes(WriteOneChunk(McapCompressionKind.None));
        var chunkAt = FindOpcode(bytes, McapOpcode.Chunk);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(chunkAt + 1), 900UL << 20); // 900 MiB, under the 1 GiB cap
        using var stream = new UnseekableStream(bytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<McapException>(() => new McapStreamReader(stream).ReadRecords().ToList());

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(64L << 20));
    }

    [TestCase(McapCompressionKind.None)]
    [TestCase(McapCompressionKind.Lz4)]
    [TestCase(McapCompressionKind.Zstd)]
    public void Declared_size_the_data_cannot_produce_is_refused_before_allocating(McapCompressionKind compression)
    {
        var bytes = File.ReadAllBytes(WriteOneChunk(compression));
        var chunkAt = FindOpcode(bytes, McapOpcode.Chunk);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(chunkAt + 9 + 16), 500UL << 20); // under the cap
        using var stream = new MemoryStream(bytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<McapException>(() => new McapStreamReader(stream).ReadRecords().ToList());

        Assert.That(e!.Message, Does.Contain("can only hold"));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1 << 20));
    }

    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }

    private static string WriteOneChunk(McapCompressionKind compression, bool crc = true)
    {
        var path = Path.Combine(Some.TempDir(), "one.mcap");
        using var w = new McapStorageWriter(path, McapWriterOptions.Default with { Compression = compression, ComputeCrcs = crc });
        w.CreateTopic(Some.StringTopic("/a"), Some.StringDef);
        for (var i = 0; i < 20; i++)
        {
            w.Write(new BagMessage("/a", i, i, Some.StringCdr("payload " + i)));
        }

        return path;
    }

    private static int FindOpcode(byte[] bytes, McapOpcode opcode)
    {
        var pos = 8;
        while (bytes[pos] != (byte)opcode)
        {
            pos += 9 + (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(pos + 1));
        }

        return pos;
    }
}
