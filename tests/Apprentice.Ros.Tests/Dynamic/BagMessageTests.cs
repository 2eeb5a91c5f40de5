using System.Text.Json;
using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Registry;
using Apprentice.Ros.Schema;
using Apprentice.Testing;

namespace Apprentice.Ros.Tests.Dynamic;

/// <summary>Messages from the real bags in shared/testdata decode with the schema stored in the bag.</summary>
public sealed class BagMessageTests
{
    private static readonly JsonElement[] Schemas = Load("Schema", "bag-schemas.json");
    private static readonly JsonElement[] Messages = Load("Dynamic", "bag-messages.json");

    public static IEnumerable<TestCaseData> AllMessages() =>
        Messages.Select((m, i) => new TestCaseData(i).SetArgDisplayNames(m.GetProperty("file").GetString()!.Split('/')[^1] + m.GetProperty("topic").GetString() + "#" + i));

    [TestCaseSource(nameof(AllMessages))]
    public void DecodesAndReencodesToTheSameBytes(int index)
    {
        var (codec, definition, payload) = Prepare(Messages[index]);
        var message = codec.Decode(definition, payload);
        var again = codec.Encode(message);
        // Padding bytes are not always zero in real bags (the talker's /rosout has stray bytes), so
        // compare lengths and decoded content rather than raw bytes.
        Assert.That(payload.Length - again.Length, Is.InRange(0, 3), "only trailing padding may differ");
        Assert.That(DynamicJsonWriter.Write(codec.Decode(definition, again)), Is.EqualTo(DynamicJsonWriter.Write(message)));
    }

    [Test]
    public void FixtureHoldsEveryMessageOfTheBags() =>
        Assert.That(Messages, Has.Length.EqualTo(57), "talker 20, cdr_test 7, service events 10, single_file 7 + 13");

    [Test]
    public void TalkerStringsAndRosoutHaveTheDocumentedValues()
    {
        var strings = DecodeAll("/topic");
        var log = DecodeAll("/rosout")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(strings.Select(m => m["data"]), Is.EqualTo(Enumerable.Range(0, 10).Select(i => "Hello, world! " + i)));
            Assert.That(log["level"], Is.EqualTo((byte)20));
            Assert.That(log["name"], Is.EqualTo("minimal_publisher"));
            Assert.That(log["msg"], Is.EqualTo("Publishing: 'Hello, world! 0'"));
            Assert.That(log["line"], Is.EqualTo(38u));
        }
    }

    [Test]
    public void CdrTestBagHasTheDocumentedValues()
    {
        var basic = DecodeAll("/test_topic")[0];
        var arrays = DecodeAll("/array_topic")[0];
        var defaults = ((DynamicMessage[])arrays["defaults_values"])[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(basic["int32_value"], Is.EqualTo(123));
            Assert.That(basic["float64_value"], Is.EqualTo(0.0));
            Assert.That(arrays["bool_values"], Is.EqualTo(new[] { true, false, true }));
            Assert.That(arrays["string_values"], Is.EqualTo(new[] { "Complex Hello1", "Complex Hello2", "Complex Hello3" }));
            Assert.That(defaults["float32_value"], Is.EqualTo(1.125f));
            Assert.That(defaults["int64_value"], Is.EqualTo(-40000000L));
        }
    }

    [Test]
    public void ServiceEventsAndStringsDecode()
    {
        var events = DecodeAll("/test_service1/_service_event");
        var info = (DynamicMessage)events[0]["info"];
        var strings = DecodeAll("/test_topic1")[0];
        var sums = DecodeAll("/add_two_ints/_service_event");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(info["event_type"], Is.EqualTo((byte)0));
            Assert.That(info["sequence_number"], Is.EqualTo(1L));
            Assert.That(((DynamicMessage)events[1]["info"])["event_type"], Is.EqualTo((byte)3));
            Assert.That((DynamicMessage[])events[0]["request"], Has.Length.EqualTo(1));
            Assert.That(strings["string_value_default1"], Is.EqualTo("Hello world!"));
            Assert.That(strings["string_value_default4"], Is.EqualTo("Hello'world!"));
            Assert.That(((DynamicMessage[])sums[0]["request"])[0]["a"], Is.TypeOf<long>());
        }
    }

    [Test]
    public void DecodedMessagePrintsAsRosEchoYamlAndJson()
    {
        var log = DecodeAll("/rosout")[0];
        var yaml = DynamicYamlWriter.Write(log);
        var json = DynamicJsonWriter.Write(log);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(yaml, Does.StartWith("stamp:\n  sec: 1585866235\n  nanosec: 112130688\nlevel: 20\nname: minimal_publisher\n"));
            Assert.That(yaml, Does.Contain("msg: 'Publishing: ''Hello, world! 0'''\n"));
            Assert.That(json, Does.Contain("\"name\":\"minimal_publisher\"").And.Contain("\"line\":38"));
        }
    }

    private static List<DynamicMessage> DecodeAll(string topic) =>
        Messages.Where(m => m.GetProperty("topic").GetString() == topic)
            .Select(m =>
            {
                var (codec, def, payload) = Prepare(m);
                return codec.Decode(def, payload);
            }).ToList();

    private static (DynamicCodec Codec, Apprentice.Ros.Idl.MessageDefinition Definition, byte[] Payload) Prepare(JsonElement message)
    {
        var file = message.GetProperty("file").GetString();
        var type = message.GetProperty("schema").GetString()!;
        var schema = Schemas.First(s => s.GetProperty("name").GetString() == type &&
                                        (s.GetProperty("file").GetString() == file || Schemas.All(x => x.GetProperty("file").GetString() != file || x.GetProperty("name").GetString() != type)));
        var definitions = Ros2MsgSchema.Parse(type, schema.GetProperty("data").GetString()!, InterfaceRegistry.CreateDefault());
        return (new DynamicCodec(definitions), definitions.Root, Convert.FromHexString(message.GetProperty("hex").GetString()!));
    }

    private static JsonElement[] Load(string folder, string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Path("tests", "Apprentice.Ros.Tests", folder, name)));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
