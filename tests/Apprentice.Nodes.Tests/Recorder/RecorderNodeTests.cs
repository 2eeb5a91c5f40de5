using Apprentice.Bag.Bags;
using Apprentice.Nodes.Player;
using Apprentice.Nodes.Recorder;
using Apprentice.Nodes.Tests.Player;
using Apprentice.Ros.Qos;
using Apprentice.Ros.Schema;

namespace Apprentice.Nodes.Tests.Recorder;

[TestFixture]
public sealed class RecorderNodeTests
{
    private const string StringType = "std_msgs/msg/String";

    [TestCase("mcap")]
    [TestCase("sqlite3")]
    public void RecordsDiscoveredTopicsWithSchemaOfferedQosAndCounts(string storage)
    {
        using var rig = new RecorderRig();
        var reliable = rig.Publisher("/a", StringType, QosProfiles.Default);
        var sensor = rig.Publisher("/b", StringType, QosProfiles.SensorData);
        var recorder = rig.Recorder(RecorderRig.All with { Writer = BagWriterOptions.Default with { StorageIdentifier = storage } });
        Assert.That(recorder.Discover(), Is.EqualTo(2));
        Assert.That(recorder.RecordedTopics, Is.EqualTo(new[] { "/a", "/b" }));
        Assert.That(recorder.Discover(), Is.Zero, "a topic is subscribed once");

        for (var i = 0; i < 20; i++)
        {
            reliable.Publish(PlayerRig.Payload(i));
            sensor.Publish(PlayerRig.Payload(100 + i));
        }

        Assert.That(RecorderRig.WaitFor(() => recorder.Counts.Values.Sum(c => c.Written) == 40), Is.True);
        recorder.Close();

        using var bag = BagReader.Open(rig.BagDirectory);
        Assert.That(bag.MessageCounts["/a"], Is.EqualTo(20));
        Assert.That(bag.MessageCounts["/b"], Is.EqualTo(20));
        Assert.That(bag.ReadMessages(new() { Topics = new HashSet<string> { "/a" } }).Select(m => m.Data.ToArray()), Is.EqualTo(Enumerable.Range(0, 20).Select(PlayerRig.Payload)));
        Assert.That(bag.Definitions[StringType].EncodedText, Is.EqualTo(Ros2MsgSchema.Build(RecorderRig.Registry, StringType)));
        var offered = bag.Topics.ToDictionary(t => t.Name, t => OfferedQosYaml.Parse(t.OfferedQosProfiles).Single());
        Assert.That(offered["/a"], Is.EqualTo(QosProfiles.Default));
        Assert.That(offered["/b"], Is.EqualTo(QosProfiles.SensorData));
        Assert.That(recorder.Counts["/b"], Is.EqualTo(new TopicCounts(20, 20, 0)));
    }

    [Test]
    public void ListRegexExcludeAndTypeFiltersSelectTopics()
    {
        using var rig = new RecorderRig();
        foreach (var t in new[] { "/cam/image", "/cam/info", "/joint_states", "/odom", "/tf" })
        {
            rig.Publisher(t, t == "/joint_states" ? "sensor_msgs/msg/JointState" : StringType, QosProfiles.Default);
        }

        var recorder = rig.Recorder(RecorderRig.All with
        {
            All = false,
            Topics = ["/odom"],
            IncludeRegex = "^/(cam|joint)",
            ExcludeRegex = "info$",
            ExcludeTypes = new HashSet<string> { "sensor_msgs/msg/JointState" },
        });
        recorder.Discover();
        Assert.That(recorder.RecordedTopics, Is.EqualTo(new[] { "/cam/image", "/odom" }));
    }

    [Test]
    public void ATopicOfUnknownTypeIsSkippedNotFatal()
    {
        using var rig = new RecorderRig();
        rig.Publisher("/mystery", "nobody_msgs/msg/Unknown", QosProfiles.Default);
        rig.Publisher("/a", StringType, QosProfiles.Default);
        var recorder = rig.Recorder(RecorderRig.All);
        Assert.That(recorder.Discover(), Is.EqualTo(1));
        Assert.That(recorder.RecordedTopics, Is.EqualTo(new[] { "/a" }));
        Assert.That(recorder.Discover(), Is.Zero);
    }

    [Test]
    public void SubscriptionQosIsCompatibleWithEveryPublisher()
    {
        Assert.Multiple(() =>
        {
            var mixed = RecordingQos.Adapt([QosProfiles.Default, QosProfiles.SensorData], 100);
            Assert.That(mixed.Reliability, Is.EqualTo(ReliabilityPolicy.BestEffort));
            var partlyLatched = RecordingQos.Adapt([QosProfiles.Latched, QosProfiles.Default], 100);
            Assert.That(partlyLatched.Durability, Is.EqualTo(DurabilityPolicy.Volatile));
            var latched = RecordingQos.Adapt([QosProfiles.Latched, QosProfiles.Latched], 100);
            Assert.That((latched.Durability, latched.Reliability, latched.Depth), Is.EqualTo((DurabilityPolicy.TransientLocal, ReliabilityPolicy.Reliable, 100)));
            foreach (var offer in new[] { QosProfiles.Default, QosProfiles.SensorData, QosProfiles.Latched })
            {
                Assert.That(QosCompatibility.Check(offer, RecordingQos.Adapt([QosProfiles.Default, QosProfiles.SensorData, QosProfiles.Latched], 100)), Is.Empty, offer.ToString());
            }
        });
    }

    [Test]
    public void ALatchedTopicIsReceivedFromBeforeTheRecorderJoined()
    {
        using var rig = new RecorderRig();
        var map = rig.Publisher("/map", StringType, QosProfiles.Latched);
        map.Publish(PlayerRig.Payload(7));
        var recorder = rig.Recorder(RecorderRig.All);
        recorder.Discover();
        Assert.That(RecorderRig.WaitFor(() => recorder.Counts.GetValueOrDefault("/map").Written == 1), Is.True);
    }

    [Test]
    public void ASlowDiskDropsAndCountsInsteadOfBlockingCallbacks()
    {
        using var rig = new RecorderRig();
        var pub = rig.Publisher("/big", StringType, QosProfiles.Default with { History = HistoryPolicy.KeepAll });
        var recorder = rig.Recorder(RecorderRig.All with { Writer = BagWriterOptions.Default with { CacheCapacityBytes = 1024 } });
        recorder.Discover();
        var payload = new byte[700];
        payload[1] = 1;
        const int N = 2000;
        for (var i = 0; i < N; i++)
        {
            pub.Publish(payload);
        }

        Assert.That(RecorderRig.WaitFor(() => recorder.Counts["/big"].Received == N), Is.True, $"received {recorder.Counts["/big"].Received}");
        var c = recorder.Counts["/big"];
        Assert.That(c.Dropped, Is.GreaterThan(0), "a 1 KiB cache cannot hold a burst of 700-byte messages");
        Assert.That(c.Written + c.Dropped, Is.EqualTo(N));
        recorder.Close();
        using var bag = BagReader.Open(rig.BagDirectory);
        Assert.That(bag.MessageCounts["/big"], Is.EqualTo(c.Written));
        var stored = System.Text.Json.JsonDocument.Parse(bag.Metadata!.CustomData[RecorderNode.CountsCustomDataKey]).RootElement.GetProperty("/big");
        Assert.That(stored.GetProperty("dropped").GetInt64(), Is.EqualTo(c.Dropped));
    }

    [Test]
    public void WhilePausedSamplesAreReceivedButNeitherWrittenNorDropped()
    {
        using var rig = new RecorderRig();
        var pub = rig.Publisher("/a", StringType, QosProfiles.Default);
        var recorder = rig.Recorder(RecorderRig.All);
        recorder.Discover();
        recorder.Pause();
        pub.Publish(PlayerRig.Payload(1));
        Assert.That(RecorderRig.WaitFor(() => recorder.Counts["/a"].Received == 1), Is.True);
        recorder.Resume();
        pub.Publish(PlayerRig.Payload(2));
        Assert.That(RecorderRig.WaitFor(() => recorder.Counts["/a"].Received == 2), Is.True);
        Assert.That(recorder.Counts["/a"], Is.EqualTo(new TopicCounts(2, 1, 0)));
    }

    [Test]
    public void StartDiscoversOnTheInjectedClock()
    {
        using var rig = new RecorderRig();
        var recorder = rig.Recorder(RecorderRig.All);
        recorder.Start();
        rig.Publisher("/late", StringType, QosProfiles.Default);
        Assert.That(recorder.RecordedTopics, Is.Empty);
        rig.Time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.That(recorder.RecordedTopics, Is.EqualTo(new[] { "/late" }));
    }

    [Test]
    public void InvalidOptionsAreRejected()
    {
        Assert.That(() => new RecorderOptions { OutputDirectory = "x" }.Validated(), Throws.ArgumentException.With.Message.Contains("Nothing to record"));
        Assert.That(() => (RecorderRig.All with { ExcludeRegex = "[" }).Validated(), Throws.ArgumentException.With.Message.Contains("--exclude"));
    }
}
