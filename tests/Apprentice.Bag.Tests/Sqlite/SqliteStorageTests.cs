using System.Security.Cryptography;
using Apprentice.Bag.Mcap;
using Apprentice.Bag.Sqlite;
using Apprentice.Bag.Storage;
using Apprentice.Bag.Tests.Support;
using Apprentice.Testing;

namespace Apprentice.Bag.Tests.Sqlite;

public class SqliteStorageTests
{
    private static IEnumerable<string> Db3Files() => Manifest.Of("sqlite3");

    /// <summary>Copies the db3's folder to a temp dir (never open testdata in place) and returns the copy's path.</summary>
    private static string CopyBag(string relative)
    {
        var source = TestData.Path(relative.Split('/'));
        var dir = Some.TempDir();
        foreach (var f in Directory.GetFiles(Path.GetDirectoryName(source)!))
        {
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        }

        return Path.Combine(dir, Path.GetFileName(source));
    }

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [TestCaseSource(nameof(Db3Files))]
    public void Every_db3_reads_with_the_manifest_counts_and_leaves_its_folder_byte_identical(string relative)
    {
        var e = Manifest.Entry(relative);
        var path = CopyBag(relative);
        var before = Snapshot(Path.GetDirectoryName(path)!);

        using (var reader = new SqliteStorageReader(path))
        {
            var messages = reader.ReadMessages().ToList();
            Assert.That(messages, Has.Count.EqualTo((int)e["message_count"]!));
            Assert.That(messages.Select(m => m.RecvTimestampNs), Is.Ordered);
            Assert.That(reader.SchemaVersion, Is.EqualTo((int?)e["schema_version"] ?? 2));
            Assert.That(reader.RosDistro, Is.EqualTo((string?)e["ros_distro"] ?? ""));
            foreach (var t in e["topics"]!.AsArray())
            {
                var name = (string)t!["name"]!;
                var mine = messages.Where(m => m.Topic == name).ToList();
                Assert.That(reader.Topics.Single(x => x.Name == name).Type, Is.EqualTo((string?)t["type"]));
                Assert.That(reader.MessageCounts[name], Is.EqualTo((long)t["message_count"]!));
                Assert.That(mine, Has.Count.EqualTo((int)t["message_count"]!));
                Assert.That(mine.FirstOrDefault()?.RecvTimestampNs, Is.EqualTo(Manifest.Long(t["first_timestamp_ns"])));
                Assert.That(mine.LastOrDefault()?.RecvTimestampNs, Is.EqualTo(Manifest.Long(t["last_timestamp_ns"])));
            }
        }

        Assert.That(Snapshot(Path.GetDirectoryName(path)!), Is.EquivalentTo(before));
    }

    [Test]
    public void Talker_db3_placeholder_definitions_are_flagged_and_the_mcap_ones_are_not()
    {
        using var db3 = new SqliteStorageReader(CopyBag("rosbag2/sqlite3/talker/talker.db3"));
        using var mcap = new McapStorageReader(TestData.Path("rosbag2", "mcap", "talker", "talker.mcap"));

        Assert.That(db3.Definitions, Has.Count.EqualTo(3).And.All.Matches<BagMessageDefinition>(d => d.Suspect));
        Assert.That(mcap.Definitions.Select(d => d.Suspect), Is.All.False);
        var resolved = BagDefinitions.Resolve([db3, mcap]);
        Assert.That(resolved["rcl_interfaces/msg/Log"].EncodedText, Does.Contain("MSG: builtin_interfaces/Time"));
    }

    [Test]
    public void Real_definitions_are_not_flagged()
    {
        using var db3 = new SqliteStorageReader(CopyBag("rosbag2/sqlite3/cdr_test/cdr_test_0.db3"));
        Assert.That(db3.Definitions.Select(d => d.Suspect), Is.All.False);
        Assert.That(db3.SerializedBagMetadata, Does.StartWith("version: 7"));
    }

    [Test]
    public void Pending_wal_file_is_read_through_a_private_copy()
    {
        var dir = Some.TempDir();
        var path = Path.Combine(dir, "w.db3");
        using (var w = new SqliteStorageWriter(path))
        {
            w.CreateTopic(Some.StringTopic("/a"), Some.StringDef);
            w.Write(new BagMessage("/a", 5, 5, Some.StringCdr("x")));
        }

        File.WriteAllBytes(path + "-wal", []); // an (empty) WAL left by a crashed writer
        var before = Snapshot(dir);
        using (var reader = new SqliteStorageReader(path))
        {
            Assert.That(reader.ReadMessages().Count(), Is.EqualTo(1));
        }

        Assert.That(Snapshot(dir), Is.EquivalentTo(before));
    }

    [Test]
    public void Mcap_to_sqlite3_to_mcap_keeps_every_message_byte_identical()
    {
        var dir = Some.TempDir();
        using var source = new McapStorageReader(TestData.Path("rosbag2", "mcap", "cdr_test", "cdr_test_0.mcap"));
        var db3 = Path.Combine(dir, "c.db3");
        BagCopy.Copy(source, new SqliteStorageWriter(db3, "jazzy"));
        var back = Path.Combine(dir, "c.mcap");
        using (var middle = new SqliteStorageReader(db3))
        {
            BagCopy.Copy(middle, new McapStorageWriter(back));
        }

        using var result = new McapStorageReader(back);
        var a = source.ReadMessages().ToList();
        var b = result.ReadMessages().ToList();
        Assert.That(b.Select(m => (m.Topic, m.RecvTimestampNs)), Is.EqualTo(a.Select(m => (m.Topic, m.RecvTimestampNs))));
        Assert.That(b.Select(m => m.Data.ToArray()), Is.EqualTo(a.Select(m => m.Data.ToArray())));
        Assert.That(result.Topics, Is.EquivalentTo(source.Topics));
        Assert.That(result.Definitions.Select(d => (d.TopicType, d.EncodedText)),
            Is.EquivalentTo(source.Definitions.Select(d => (d.TopicType, d.EncodedText))));
    }

    [Test]
    public void Flipped_bytes_in_a_db3_give_typed_errors_or_a_partial_read()
    {
        var full = File.ReadAllBytes(TestData.Path("rosbag2", "sqlite3", "bag_with_topics_and_service_events",
            "bag_with_topics_and_service_events.db3"));
        var random = new Random(11);
        for (var i = 0; i < 40; i++)
        {
            var bytes = (byte[])full.Clone();
            for (var k = 0; k < 8; k++)
            {
                bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
            }

            var path = Path.Combine(Some.TempDir(), "f.db3");
            File.WriteAllBytes(path, bytes);
            try
            {
                using var reader = new SqliteStorageReader(path);
                Assert.That(reader.ReadMessages().Count(), Is.LessThanOrEqualTo(1000));
            }
            catch (SqliteStorageException)
            {
            }
        }
    }

    [Test]
    public void Garbage_file_is_a_typed_error()
    {
        var path = Path.Combine(Some.TempDir(), "bad.db3");
        File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(5000));
        Assert.Throws<SqliteStorageException>(() => new SqliteStorageReader(path).Dispose());
    }

    [Test]
    public void Truncated_db3_is_a_typed_error_or_partial_read()
    {
        var full = File.ReadAllBytes(TestData.Path("rosbag2", "sqlite3", "cdr_test", "cdr_test_0.db3"));
        var random = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var path = Path.Combine(Some.TempDir(), "t.db3");
            File.WriteAllBytes(path, full[..random.Next(full.Length)]);
            try
            {
                using var reader = new SqliteStorageReader(path);
                Assert.That(reader.ReadMessages().Count(), Is.LessThanOrEqualTo(7));
            }
            catch (SqliteStorageException)
            {
            }
        }
    }
}
