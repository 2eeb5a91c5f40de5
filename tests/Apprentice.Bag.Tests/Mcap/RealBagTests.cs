using Apprentice.Bag.Mcap;
using Apprentice.Testing;

namespace Apprentice.Bag.Tests.Mcap;

public class RealBagTests
{
    private static IEnumerable<string> McapFiles() => Manifest.Of("mcap");

    [TestCaseSource(nameof(McapFiles))]
    public void Streamed_and_indexed_counts_match_the_manifest_and_statistics(string relative)
    {
        var entry = Manifest.Entry(relative);
        var path = TestData.Path(relative.Split('/'));
        using var stream = File.OpenRead(path);

        var streamed = new Dictionary<ushort, long>();
        McapHeader? header = null;
        var metadataNames = new List<string>();
        foreach (var r in new McapStreamReader(stream).ReadRecords())
        {
            switch (r)
            {
                case McapMessage m:
                    streamed[m.ChannelId] = streamed.GetValueOrDefault(m.ChannelId) + 1;
                    break;
                case McapHeader h:
                    header = h;
                    break;
                case McapMetadata md:
                    metadataNames.Add(md.Name);
                    break;
            }
        }

        var indexed = McapIndexedReader.Open(stream);
        var messages = indexed.ReadMessages().ToList();
        var stats = indexed.Summary.Statistics!;

        Assert.That(header!.Profile, Is.EqualTo((string?)entry["profile"]));
        Assert.That(header.Library, Is.EqualTo((string?)entry["library"]));
        Assert.That(metadataNames, Is.EqualTo(entry["metadata_records"]!.AsArray().Select(n => (string?)n)));
        Assert.That(messages, Has.Count.EqualTo((int)entry["message_count"]!));
        Assert.That(stats.MessageCount, Is.EqualTo((ulong)messages.Count));
        Assert.That(messages.Select(m => m.LogTime), Is.Ordered);
        Assert.That((long)messages[0].LogTime, Is.EqualTo(Manifest.Long(entry["log_time_start_ns"])));
        Assert.That((long)messages[^1].LogTime, Is.EqualTo(Manifest.Long(entry["log_time_end_ns"])));
        foreach (var ch in entry["channels"]!.AsArray())
        {
            var id = (ushort)(int)ch!["id"]!;
            var channel = indexed.Summary.Channels[id];
            var schema = indexed.Summary.Schemas[channel.SchemaId];
            Assert.That(channel.Topic, Is.EqualTo((string?)ch["topic"]));
            Assert.That(schema.Name, Is.EqualTo((string?)ch["type"]));
            Assert.That(schema.Encoding, Is.EqualTo((string?)ch["schema_encoding"]));
            Assert.That(channel.MessageEncoding, Is.EqualTo((string?)ch["message_encoding"]));
            Assert.That(channel.Metadata.Keys.Order(StringComparer.Ordinal),
                Is.EqualTo(ch["metadata_keys"]!.AsArray().Select(n => (string?)n)));
            var expected = (long)ch["message_count"]!;
            Assert.That(streamed.GetValueOrDefault(id), Is.EqualTo(expected), channel.Topic);
            Assert.That(messages.Count(m => m.ChannelId == id), Is.EqualTo(expected), channel.Topic);
            Assert.That((long)stats.ChannelMessageCounts.GetValueOrDefault(id), Is.EqualTo(expected), channel.Topic);
        }
    }

    [Test]
    public void Talker_is_zstd_with_repeated_schemas_and_hello_world_payloads()
    {
        using var reader = new McapStorageReader(TestData.Path("rosbag2", "mcap", "talker", "talker.mcap"));
        var topic = reader.ReadMessages(new() { Topics = new HashSet<string> { "/topic" } }).ToList();

        Assert.That(topic, Has.Count.EqualTo(10));
        Assert.That(topic.Select(m => m.Data.Length), Is.All.EqualTo(24));
        // CDR: 4-byte encapsulation header, uint32 length (with NUL), then the characters.
        Assert.That(System.Text.Encoding.ASCII.GetString(topic[3].Data.Span.Slice(8, 15)), Is.EqualTo("Hello, world! 3"));
        Assert.That(reader.MessageCounts, Is.EquivalentTo(new Dictionary<string, long>
            { ["/topic"] = 10, ["/rosout"] = 10, ["/parameter_events"] = 0 }));
        Assert.That(reader.Recovered, Is.False);
    }

    [Test]
    public void Rosbag2_metadata_record_is_exposed_from_the_close_time_record()
    {
        using var reader = new McapStorageReader(
            TestData.Path("rosbag2", "mcap", "bag_with_topics_and_service_events", "bag_with_topics_and_service_events.mcap"));

        Assert.That(reader.SerializedBagMetadata, Does.Contain("message_count: 10"));
        Assert.That(reader.Topics.Single(t => t.Name == "/events/write_split").Type,
            Is.EqualTo("rosbag2_interfaces/msg/WriteSplitEvent"));
        Assert.That(reader.StartTimeNs, Is.EqualTo(1699345836270074454));
        Assert.That(reader.EndTimeNs, Is.EqualTo(1699345836340728398));
    }
}
