using System.Text.Json.Nodes;
using Apprentice.Bag.Bags;
using Apprentice.Bag.Mcap;
using Apprentice.Bag.Storage;
using Apprentice.Bag.Tests.Support;

namespace Apprentice.Bag.Tests.Bags;

public class BagToolsTests
{
    private static string RecordSplitBag(int count)
    {
        var dir = Path.Combine(Some.TempDir(), "run");
        using var w = BagWriter.Create(dir, BagWriterOptions.Default with
        {
            MaxFileSizeBytes = 30_000,
            Mcap = McapWriterOptions.Default with { ChunkSizeBytes = 4_000, Compression = McapCompressionKind.None },
            CustomData = new Dictionary<string, string> { ["episode"] = "7" },
        });
        w.CreateTopic(Some.StringTopic("/a"), Some.StringDef);
        for (var i = 0; i < count; i++)
        {
            w.Write(new BagMessage("/a", 1000 + i, 1000 + i, Some.StringCdr($"message {i:D5} " + new string('q', 100))));
        }

        w.Close();
        return dir;
    }

    [Test]
    public void Reindex_after_a_killed_writer_rebuilds_metadata_and_summary_losing_at_most_one_chunk()
    {
        var dir = RecordSplitBag(1000);
        var files = BagReader.StorageFilesIn(dir);
        var last = files[^1];
        int inLast;
        using (var r = new McapStorageReader(last))
        {
            inLast = (int)r.MessageCounts["/a"];
        }

        // What SIGKILL leaves: the last file cut inside its data (no summary), no final metadata.yaml.
        var bytes = File.ReadAllBytes(last);
        File.WriteAllBytes(last, bytes[..(bytes.Length * 3 / 4)]);
        File.Delete(Path.Combine(dir, "metadata.yaml"));

        var result = BagReindexer.Reindex(dir);

        Assert.That(result.Rewritten, Is.EqualTo(new[] { last }));
        using var bag = BagReader.Open(dir);
        var messages = bag.ReadMessages().ToList();
        Assert.That(bag.Files.Select(f => f.Recovered), Is.All.False);
        Assert.That(messages, Has.Count.EqualTo(bag.Metadata!.MessageCount));
        Assert.That(1000 - messages.Count, Is.InRange(1, 40), "at most the unfinished chunks (4 KB of ~120 B messages) are lost");
        Assert.That(messages.Select(m => m.RecvTimestampNs), Is.EqualTo(Enumerable.Range(1000, messages.Count).Select(i => (long)i)));
        Assert.That(bag.Metadata.RelativeFilePaths, Has.Count.EqualTo(files.Count));
        Assert.That(inLast, Is.GreaterThan(1000 - messages.Count));
        var (code, output) = NodeValidator.Run(last);
        Assert.That(code, Is.Zero, output);
    }

    [Test]
    public void Convert_merges_a_split_bag_into_one_sqlite3_file_and_back_byte_identical()
    {
        var split = RecordSplitBag(500);
        var db = Path.Combine(Some.TempDir(), "merged");
        var back = Path.Combine(Some.TempDir(), "again");

        BagConverter.Convert(split, db, BagWriterOptions.Default with { StorageIdentifier = "sqlite3" });
        BagConverter.Convert(db, back, BagWriterOptions.Default with { Mcap = McapWriterOptions.Default with { Compression = McapCompressionKind.Lz4 } });

        using var a = BagReader.Open(split);
        using var m = BagReader.Open(db);
        using var b = BagReader.Open(back);
        Assert.That(m.Files, Has.Count.EqualTo(1));
        Assert.That(b.ReadMessages().Select(x => x.Data.ToArray()), Is.EqualTo(a.ReadMessages().Select(x => x.Data.ToArray())));
        Assert.That(b.Metadata!.CustomData["episode"], Is.EqualTo("7"));
    }

    [Test]
    public void Info_json_reports_counts_times_and_qos()
    {
        using var bag = BagReader.Open(BagReaderTests.CopyDir("rosbag2/mcap/talker"));

        var json = JsonNode.Parse(BagInfo.Json(bag))!;
        var text = BagInfo.Text(bag);

        Assert.That((long)json["message_count"]!, Is.EqualTo(20));
        Assert.That((long)json["start_ns"]!, Is.EqualTo(1585866235112411371));
        Assert.That((long)json["duration_ns"]!, Is.EqualTo(4531096768));
        Assert.That(json["topics"]!.AsArray().Single(t => (string?)t!["name"] == "/topic")!["offered_qos_profiles"]!.ToString(),
            Does.Contain("reliability: 1"));
        Assert.That(text, Does.Contain("Topic: /rosout | Type: rcl_interfaces/msg/Log | Count: 10"));
    }
}
