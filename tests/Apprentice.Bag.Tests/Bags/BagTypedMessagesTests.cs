using Apprentice.Bag.Bags;
using Apprentice.Bag.Decoding;
using Apprentice.Bag.Storage;
using Apprentice.Bag.Tests.Support;
using Apprentice.Ros.Msgs.BuiltinInterfaces;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Registry;
using Apprentice.Ros.Schema;

namespace Apprentice.Bag.Tests.Bags;

public class BagTypedMessagesTests
{
    private static JointState Joints(int i) => new()
    {
        Header = new Header { Stamp = new Time { Sec = 1_700_000_000 + i, Nanosec = (uint)i * 1000 }, FrameId = "base_link" },
        Name = ["shoulder", "elbow", "wrist"],
        Position = [i * 0.1, -i * 0.2, 0.5],
        Velocity = [1.0, 2.0, 3.0],
        Effort = [],
    };

    private static string RecordJoints(string storage, int count)
    {
        var dir = Path.Combine(Some.TempDir(), "typed");
        using var w = BagWriter.Create(dir, BagWriterOptions.Default with { StorageIdentifier = storage });
        var topic = w.CreateTopic<JointState>("/joint_states", offeredQosProfiles: Some.Qos);
        Assert.That(topic.Type, Is.EqualTo("sensor_msgs/msg/JointState"));
        for (var i = 0; i < count; i++)
        {
            w.Write("/joint_states", Joints(i), 1_000_000_000L + i * 10_000_000L);
        }

        w.Close();
        return dir;
    }

    [TestCase("mcap")]
    [TestCase("sqlite3")]
    public void Typed_messages_written_with_registry_schemas_read_back_typed_and_dynamically(string storage)
    {
        using var bag = BagReader.Open(RecordJoints(storage, 20));

        var read = bag.ReadMessages<JointState>("/joint_states").ToList();
        Assert.That(read, Has.Count.EqualTo(20));
        Assert.That(read.Select(r => r.Raw.RecvTimestampNs), Is.EqualTo(Enumerable.Range(0, 20).Select(i => 1_000_000_000L + i * 10_000_000L)));
        Assert.That(read.Select(r => r.Message.Header.Stamp.Sec), Is.EqualTo(Enumerable.Range(0, 20).Select(i => 1_700_000_000 + i)));
        Assert.That(read[7].Message.Position, Is.EqualTo(new[] { 0.7, -1.4, 0.5 }).Within(1e-12));
        Assert.That(read[7].Message.Name, Is.EqualTo(new[] { "shoulder", "elbow", "wrist" }));

        var stored = bag.Definitions["sensor_msgs/msg/JointState"];
        Assert.That(stored.Encoding, Is.EqualTo("ros2msg"));
        Assert.That(stored.EncodedText, Is.EqualTo(Ros2MsgSchema.Build(BagSchemas.Default, "sensor_msgs/msg/JointState")));
        Assert.That(stored.EncodedText, Does.Contain("MSG: std_msgs/Header").And.Contain("MSG: builtin_interfaces/Time"));

        var decoder = new BagMessageDecoder(bag.Topics, bag.Definitions); // no registry: the bag alone must suffice
        var dynamic = decoder.Decode(read[3].Raw);
        Assert.That(decoder.ForTopic("/joint_states").Source, Is.EqualTo(BagDefinitionSource.Bag));
        Assert.That(dynamic["velocity"], Is.EqualTo(new[] { 1.0, 2.0, 3.0 }));
    }

    [Test]
    public void Typed_mcap_bag_passes_the_independent_validator_with_every_message_decoding()
    {
        var dir = RecordJoints("mcap", 50);
        var (code, output) = NodeValidator.Run(Directory.GetFiles(dir, "*.mcap"));
        Assert.That(code, Is.Zero, output);
    }

    [Test]
    public void Reading_a_topic_as_another_type_or_an_unknown_topic_is_a_clear_error()
    {
        using var bag = BagReader.Open(RecordJoints("mcap", 2));

        Assert.That(() => bag.ReadMessages<Image>("/joint_states").ToList(),
            Throws.TypeOf<BagDecodeException>().With.Message.Contains("sensor_msgs/msg/JointState").And.Message.Contains("sensor_msgs/msg/Image"));
        Assert.That(() => bag.ReadMessages<JointState>("/nope").ToList(),
            Throws.TypeOf<BagDecodeException>().With.Message.Contains("/joint_states"));
    }

    [Test]
    public void Creating_a_topic_of_a_type_the_registry_lacks_names_the_type()
    {
        using var w = BagWriter.Create(Path.Combine(Some.TempDir(), "x"));
        Assert.That(() => w.CreateTopic("/t", "nope_msgs/msg/Missing"),
            Throws.TypeOf<InterfaceNotFoundException>().With.Message.Contains("nope_msgs"));
    }

    [Test]
    public void Service_event_topics_get_the_srv_text_schema_that_decodes_back()
    {
        var def = BagSchemas.Definition(null, "rcl_interfaces/srv/GetParameters_Event");
        Assert.That(def.EncodedText, Does.Contain("\n---\n"));
        var decoder = new BagMessageDecoder([new BagTopic("/s/_service_event", def.TopicType)],
            new Dictionary<string, BagMessageDefinition> { [def.TopicType] = def }, BagSchemas.Default);
        Assert.That(decoder.ForTopic("/s/_service_event").Root.Fields.Select(f => f.Name), Is.EqualTo(new[] { "info", "request", "response" }));
    }
}
