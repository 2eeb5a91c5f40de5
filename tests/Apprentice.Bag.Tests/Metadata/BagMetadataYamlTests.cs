using CsCheck;
using Apprentice.Bag.Metadata;
using Apprentice.Bag.Storage;
using Apprentice.Bag.Tests.Support;
using Apprentice.Testing;

namespace Apprentice.Bag.Tests.Metadata;

public class BagMetadataYamlTests
{
    private static IEnumerable<string> Files() => Manifest.Of("metadata.yaml");

    [TestCaseSource(nameof(Files))]
    public void Every_testdata_metadata_yaml_reads_with_the_manifest_values(string relative)
    {
        var e = Manifest.Entry(relative);
        var m = BagMetadataYaml.ReadFile(TestData.Path(relative.Split('/')));

        Assert.That(m.Version, Is.EqualTo((int)e["version"]!));
        Assert.That(m.StorageIdentifier, Is.EqualTo((string?)e["storage_identifier"]));
        Assert.That(m.MessageCount, Is.EqualTo((long)e["message_count"]!));
        Assert.That(m.StartingTimeNs, Is.EqualTo(Manifest.Long(e["starting_time_ns"])));
        Assert.That(m.DurationNs, Is.EqualTo(Manifest.Long(e["duration_ns"])));
        Assert.That(m.RelativeFilePaths, Is.EqualTo(e["relative_file_paths"]!.AsArray().Select(n => (string?)n)));
        var topics = e["topics"]!.AsArray();
        Assert.That(m.Topics, Has.Count.EqualTo(topics.Count));
        foreach (var t in topics)
        {
            var mine = m.Topics.Single(x => x.Topic.Name == (string?)t!["name"]);
            Assert.That(mine.Topic.Type, Is.EqualTo((string?)t!["type"]));
            Assert.That(mine.MessageCount, Is.EqualTo((long)t["message_count"]!));
            Assert.That(mine.Topic.TypeDescriptionHash, Is.EqualTo((string?)t["type_description_hash"] ?? ""));
            Assert.That(mine.Topic.OfferedQosProfiles, Does.StartWith("- history:").Or.Empty);
        }
    }

    [TestCaseSource(nameof(Files))]
    public void Written_version_8_reads_back_equal(string relative)
    {
        var original = BagMetadataYaml.ReadFile(TestData.Path(relative.Split('/'))) with
        {
            CustomData = new Dictionary<string, string> { ["episode"] = "3", ["label: \"odd\""] = "line\nbreak" },
            RosDistro = "jazzy",
        };

        var again = BagMetadataYaml.Read(BagMetadataYaml.Write(original));

        Assert.That(again.Version, Is.EqualTo(8));
        Assert.That(again with { Version = original.Version, Topics = original.Topics, RelativeFilePaths = original.RelativeFilePaths,
            Files = original.Files, CustomData = original.CustomData }, Is.EqualTo(original));
        Assert.That(again.Topics, Is.EqualTo(original.Topics));
        Assert.That(again.RelativeFilePaths, Is.EqualTo(original.RelativeFilePaths));
        Assert.That(again.Files, Is.EqualTo(original.Files));
        Assert.That(again.CustomData, Is.EquivalentTo(original.CustomData));
    }

    [Test]
    public void Written_yaml_has_every_key_jazzy_requires_for_version_8()
    {
        var yaml = BagMetadataYaml.Write(new BagMetadata { Topics = [new TopicInformation(Some.StringTopic("/a"), 1)] });

        foreach (var key in new[] { "version: 8", "storage_identifier:", "nanoseconds:", "nanoseconds_since_epoch:",
                     "message_count:", "topics_with_message_count:", "offered_qos_profiles: \"- history: 3\\n",
                     "type_description_hash:", "compression_format:", "compression_mode:", "relative_file_paths:",
                     "files:", "custom_data:", "ros_distro:" })
        {
            Assert.That(yaml, Does.Contain(key));
        }
    }

    [Test]
    public void Version_9_named_qos_list_becomes_the_integer_form_string()
    {
        const string yaml = """
            rosbag2_bagfile_information:
              version: 9
              storage_identifier: mcap
              duration: {nanoseconds: 5}
              starting_time: {nanoseconds_since_epoch: 10}
              message_count: 1
              topics_with_message_count:
                - topic_metadata:
                    name: /a
                    type: std_msgs/msg/String
                    serialization_format: cdr
                    offered_qos_profiles:
                      - history: keep_last
                        depth: 10
                        reliability: best_effort
                        durability: transient_local
                        deadline: {sec: 9223372036, nsec: 854775807}
                        lifespan: {sec: 1, nsec: 2}
                        liveliness: automatic
                        liveliness_lease_duration: {sec: 0, nsec: 0}
                        avoid_ros_namespace_conventions: false
                    type_description_hash: RIHS01_ab
                  message_count: 1
              compression_format: ""
              compression_mode: ""
              relative_file_paths: [a_0.mcap]
              files: []
              custom_data: {k: v}
              ros_distro: rolling
            """;

        var m = BagMetadataYaml.Read(yaml);

        Assert.That(m.Topics[0].Topic.OfferedQosProfiles, Is.EqualTo(
            "- history: 1\n  depth: 10\n  reliability: 2\n  durability: 1\n  deadline:\n    sec: 9223372036\n" +
            "    nsec: 854775807\n  lifespan:\n    sec: 1\n    nsec: 2\n  liveliness: 1\n  liveliness_lease_duration:\n" +
            "    sec: 0\n    nsec: 0\n  avoid_ros_namespace_conventions: false"));
        Assert.That(m.CustomData["k"], Is.EqualTo("v"));
        Assert.That(m.RosDistro, Is.EqualTo("rolling"));
    }

    [TestCase("storage_identifier")]
    [TestCase("message_count")]
    [TestCase("relative_file_paths")]
    public void Missing_required_key_names_the_key(string key)
    {
        var yaml = string.Join('\n', BagMetadataYaml.Write(new BagMetadata()).Split('\n').Where(l => !l.Contains(key + ":", StringComparison.Ordinal)));

        var e = Assert.Throws<BagMetadataException>(() => BagMetadataYaml.Read(yaml, "x/metadata.yaml"));

        Assert.That(e!.Message, Does.Contain(key).And.Contain("x/metadata.yaml"));
    }

    [Test]
    public void Garbage_is_a_typed_error() =>
        Assert.Throws<BagMetadataException>(() => BagMetadataYaml.Read("a: [unclosed"));
}

public class BagMetadataYamlPropertyTests
{
    [Test]
    public void Any_strings_survive_a_write_read_round_trip() =>
        Gen.Select(Gen.String, Gen.String, Gen.String, Gen.Long, (k, v, name, t) => (k, v, name, t))
            .Sample(x =>
            {
                var m = new BagMetadata
                {
                    StartingTimeNs = x.t,
                    Topics = [new TopicInformation(new BagTopic(x.name, "a/msg/B", "cdr", x.v, ""), 3)],
                    CustomData = new Dictionary<string, string> { [x.k] = x.v },
                    RelativeFilePaths = [x.name],
                    RosDistro = x.v,
                };
                var back = BagMetadataYaml.Read(BagMetadataYaml.Write(m));
                return back.CustomData[x.k] == x.v && back.Topics[0].Topic.Name == x.name &&
                       back.Topics[0].Topic.OfferedQosProfiles == x.v && back.RelativeFilePaths[0] == x.name &&
                       back.RosDistro == x.v && back.StartingTimeNs == x.t;
            }, iter: 500);
}
