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
}
