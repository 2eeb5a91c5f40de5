using System.Text.Json.Nodes;
using Apprentice.Bag.Mcap;
using Apprentice.Testing;

namespace Apprentice.Bag.Tests.Mcap;

public class ConformanceTests
{
    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(TestData.Path("mcap-conformance"), "*.mcap", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(TestData.Path("mcap-conformance"), p)).Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Files))]
    public void Streamed_records_equal_the_conformance_json(string relative)
    {
        var path = TestData.Path("mcap-conformance", relative);
        using var stream = File.OpenRead(path);
        var reader = new McapStreamReader(stream);
        var actual = ConformanceJson.Serialize(reader.ReadRecords().ToList());
        var expected = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(path, ".json")))!["records"]!;

        Assert.That(JsonNode.DeepEquals(actual, expected), Is.True,
            () => $"expected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");
        Assert.That(reader.Complete, Is.True);
    }

    [Test]
    public void Every_conformance_file_is_exercised() =>
        Assert.That(Files().Count(), Is.EqualTo(10));

    [Test]
    public void Indexed_reader_yields_out_of_order_log_times_sorted()
    {
        using var stream = File.OpenRead(TestData.Path("mcap-conformance", "TenMessages", "TenMessages-ch-chx-mx-rch-rsh-st-sum.mcap"));
        var reader = McapIndexedReader.Open(stream);

        var times = reader.ReadMessages().Select(m => m.LogTime).ToList();

        Assert.That(times, Is.EqualTo(new ulong[] { 0, 1, 2, 3, 3, 4, 5, 7, 8, 9 }));
        Assert.That(reader.ReadMessages(startTime: 3, endTime: 5).Select(m => m.LogTime), Is.EqualTo(new ulong[] { 3, 3, 4, 5 }));
    }

    [TestCase("OneSchemalessMessage.mcap")]
    [TestCase("OneSchemalessMessage-ch-chx-mx-rch-st-sum.mcap")]
    public void Schemaless_channel_reads_as_a_topic_without_a_type(string file)
    {
        using var reader = new McapStorageReader(TestData.Path("mcap-conformance", "OneSchemalessMessage", file));

        Assert.That(reader.Recovered, Is.False);
        Assert.That(reader.Topics.Single().Type, Is.Empty);
        Assert.That(reader.Topics.Single().SerializationFormat, Is.EqualTo("text"));
        Assert.That(reader.ReadMessages().Single().Data.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public void Attachment_and_metadata_are_read_through_their_indexes()
    {
        using var a = File.OpenRead(TestData.Path("mcap-conformance", "OneAttachment", "OneAttachment-ax-st-sum.mcap"));
        using var m = File.OpenRead(TestData.Path("mcap-conformance", "OneMetadata", "OneMetadata-mdx-st-sum.mcap"));
        var ar = McapIndexedReader.Open(a);
        var mr = McapIndexedReader.Open(m);

        var attachment = ar.ReadAttachment(ar.Summary.AttachmentIndexes.Single());
        var metadata = mr.ReadMetadata(mr.Summary.MetadataIndexes.Single());

        Assert.That(attachment.Name, Is.EqualTo("myFile"));
        Assert.That(attachment.Data.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(metadata.Metadata, Is.Not.Empty);
    }
}
