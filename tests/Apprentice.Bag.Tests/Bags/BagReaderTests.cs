using Apprentice.Bag.Bags;
using Apprentice.Bag.Metadata;
using Apprentice.Bag.Storage;
using Apprentice.Bag.Tests.Support;
using Apprentice.Testing;

namespace Apprentice.Bag.Tests.Bags;

public class BagReaderTests
{
    private static IEnumerable<string> BagDirs() => Manifest.Of("metadata.yaml").Select(p => p[..p.LastIndexOf('/')]);

    /// <summary>Copies a testdata bag folder to a temp dir (testdata is never opened in place).</summary>
    internal static string CopyDir(string relative)
    {
        var dir = Some.TempDir();
        foreach (var f in Directory.GetFiles(TestData.Path(relative.Split('/'))))
        {
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        }

        return dir;
    }

    [TestCaseSource(nameof(BagDirs))]
    public void Every_bag_directory_reads_with_the_counts_of_its_metadata_yaml(string relative)
    {
        using var bag = BagReader.Open(CopyDir(relative));
        var messages = bag.ReadMessages().ToList();

        Assert.That(bag.Metadata, Is.Not.Null);
        Assert.That(bag.UnlistedFiles, Is.Empty);
        Assert.That(messages, Has.Count.EqualTo(bag.Metadata!.MessageCount));
        Assert.That(messages.Select(m => m.RecvTimestampNs), Is.Ordered);
        foreach (var t in bag.Metadata.Topics)
        {
            Assert.That(bag.MessageCounts[t.Topic.Name], Is.EqualTo(t.MessageCount), t.Topic.Name);
            Assert.That(messages.Count(m => m.Topic == t.Topic.Name), Is.EqualTo(t.MessageCount), t.Topic.Name);
            Assert.That(bag.Topics.Single(x => x.Name == t.Topic.Name).Type, Is.EqualTo(t.Topic.Type));
        }
    }

    [Test]
    public void Split_wbag_merges_five_files_into_6074_messages_from_1000_to_2998()
    {
        using var bag = BagReader.Open(CopyDir("rosbag2/mcap/wbag"));
        var messages = bag.ReadMessages().ToList();

        Assert.That(bag.Files, Has.Count.EqualTo(5));
        Assert.That(messages, Has.Count.EqualTo(6074));
        Assert.That(bag.StartTimeNs, Is.EqualTo(1000));
        Assert.That(bag.EndTimeNs, Is.EqualTo(2998));
        Assert.That(messages.Select(m => m.RecvTimestampNs), Is.Ordered);
        Assert.That(bag.MessageCounts["AAA"], Is.EqualTo(804));
        Assert.That(bag.MessageCounts["HHH"], Is.EqualTo(726));
    }

    [Test]
    public void Topic_and_time_filters_select_exactly_the_matching_messages()
    {
        using var bag = BagReader.Open(CopyDir("rosbag2/mcap/wbag"));
        var all = bag.ReadMessages().ToList();
        var filter = new BagReadFilter { Topics = new HashSet<string> { "BBB", "GGG" }, StartNs = 1500, EndNs = 2500 };

        var some = bag.ReadMessages(filter).ToList();

        var expected = all.Where(m => m.Topic is "BBB" or "GGG" && m.RecvTimestampNs is >= 1500 and <= 2500).ToList();
        Assert.That(some, Has.Count.EqualTo(expected.Count).And.Count.GreaterThan(0));
        Assert.That(some.Select(m => (m.Topic, m.RecvTimestampNs)), Is.EqualTo(expected.Select(m => (m.Topic, m.RecvTimestampNs))));
    }

    [Test]
    public void Storage_file_missing_from_metadata_is_reported()
    {
        var dir = CopyDir("rosbag2/mcap/wbag");
        var yaml = File.ReadAllText(Path.Combine(dir, "metadata.yaml"));
        File.WriteAllText(Path.Combine(dir, "metadata.yaml"), yaml.Replace("- wbag_4.mcap", "", StringComparison.Ordinal));

        using var bag = BagReader.Open(dir);

        Assert.That(bag.Files, Has.Count.EqualTo(4));
        Assert.That(bag.UnlistedFiles.Select(Path.GetFileName), Is.EqualTo(new[] { "wbag_4.mcap" }));
        Assert.That(BagInfo.Text(bag), Does.Contain("wbag_4.mcap (run `apprentice bag reindex`)"));
    }

    [Test]
    public void Single_storage_file_without_metadata_opens()
    {
        using var bag = BagReader.Open(TestData.Path("rosbag2", "single_file", "topics_and_services.mcap"));
        Assert.That(bag.MessageCount, Is.EqualTo(13));
        Assert.That(bag.MessageCounts["/add_two_ints/_service_event"], Is.EqualTo(6));
    }

    [TestCase("../outside.mcap")]
    [TestCase("/etc/passwd")]
    [TestCase("sub/../../x.mcap")]
    public void Relative_file_path_escaping_the_bag_is_refused(string entry)
    {
        var dir = CopyDir("rosbag2/mcap/talker");
        var yaml = File.ReadAllText(Path.Combine(dir, "metadata.yaml")).Replace("- talker.mcap", "- " + entry, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "metadata.yaml"), yaml);

        var e = Assert.Throws<BagMetadataException>(() => BagReader.Open(dir).Dispose());

        Assert.That(e!.Message, Does.Contain("outside the bag directory").And.Contain(entry));
    }

    [Test]
    public void Talker_db3_decodes_with_the_sibling_mcap_definitions_when_both_are_in_one_bag()
    {
        var dir = CopyDir("rosbag2/sqlite3/talker");
        File.Copy(TestData.Path("rosbag2", "mcap", "talker", "talker.mcap"), Path.Combine(dir, "talker.mcap"));
        File.Delete(Path.Combine(dir, "metadata.yaml"));

        using var bag = BagReader.Open(dir);

        Assert.That(bag.Definitions["rcl_interfaces/msg/Log"].Suspect, Is.False);
        Assert.That(bag.Definitions["rcl_interfaces/msg/Log"].EncodedText.Length, Is.GreaterThan(100));
    }
}
