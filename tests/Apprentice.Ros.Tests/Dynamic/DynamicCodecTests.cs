using Apprentice.Ros.Tests.Support;
using Apprentice.Ros.Cdr;
using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Idl;
using Apprentice.Ros.Registry;

namespace Apprentice.Ros.Tests.Dynamic;

public sealed class DynamicCodecTests
{
    private static readonly InterfaceRegistry Registry = CreateRegistry();

    [Test]
    public void RandomMessagesOfEveryTypeRoundTripThroughCdrAndYaml()
    {
        var codec = new DynamicCodec(Registry);
        var random = new RandomMessages(codec, 7);
        foreach (var name in Registry.MessageNames)
        {
            var definition = codec.Resolve(name);
            for (var i = 0; i < 20; i++)
            {
                var message = random.Create(definition);
                var json = DynamicJsonWriter.Write(message);
                var decoded = codec.Decode(definition, codec.Encode(message));
                Assert.That(DynamicJsonWriter.Write(decoded), Is.EqualTo(json), name);
                var fromYaml = DynamicYamlReader.Read(codec, definition, DynamicYamlWriter.Write(message));
                Assert.That(DynamicJsonWriter.Write(fromYaml), Is.EqualTo(json), name + "\n" + DynamicYamlWriter.Write(message));
            }
        }
    }

    [Test]
    public void EmptyStructIsOneByteOnTheWire()
    {
        var codec = new DynamicCodec(Registry);
        var empty = codec.CreateDefault("test_pkg/msg/Empty");
        Assert.That(Convert.ToHexString(codec.Encode(empty)), Is.EqualTo("0001000000"));
        Assert.That(codec.Decode("test_pkg/msg/Empty", Convert.FromHexString("0001000000")).Values, Is.Empty);
    }

    [Test]
    public void YamlInputFillsMissingFieldsWithDefaults()
    {
        var codec = new DynamicCodec(Registry);
        var definition = codec.Resolve("test_pkg/msg/WithDefaults");
        var message = DynamicYamlReader.Read(codec, definition, "{count: 3, header: {frame_id: base}}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message["count"], Is.EqualTo(3));
            Assert.That(message["gain"], Is.EqualTo(1.5));
            Assert.That(message["names"], Is.EqualTo(new[] { "a", "b" }));
            Assert.That(message["fixed"], Is.EqualTo(new float[3]));
            Assert.That(((DynamicMessage)message["header"])["frame_id"], Is.EqualTo("base"));
        }
    }

    [TestCase("{nope: 1}", "no field 'nope'")]
    [TestCase("{count: abc}", "count")]
    [TestCase("{fixed: [1, 2]}", "do not fit")]
    [TestCase("{label: toolong}", "label")]
    public void BadYamlNamesTheField(string yaml, string fragment)
    {
        var codec = new DynamicCodec(Registry);
        var e = Assert.Throws<FormatException>(() => DynamicYamlReader.Read(codec, codec.Resolve("test_pkg/msg/WithDefaults"), yaml));
        Assert.That(e!.Message, Does.Contain(fragment));
    }

    [Test]
    public void EncodingEnforcesBoundsAndFixedLengths()
    {
        var codec = new DynamicCodec(Registry);
        var message = codec.CreateDefault("test_pkg/msg/WithDefaults");
        message["fixed"] = new float[2];
        Assert.Throws<CdrException>(() => codec.Encode(message));
        message["fixed"] = new float[3];
        message["few"] = new int[4];
        Assert.Throws<CdrException>(() => codec.Encode(message));
    }

    [Test]
    public void YamlLooksLikeRosTopicEcho()
    {
        var codec = new DynamicCodec(Registry);
        var joints = codec.CreateDefault("sensor_msgs/msg/JointState");
        joints["name"] = new[] { "shoulder", "elbow" };
        joints["position"] = new[] { 1.0, -0.5 };
        Assert.That(DynamicYamlWriter.Write(joints), Is.EqualTo(
            "header:\n  stamp:\n    sec: 0\n    nanosec: 0\n  frame_id: ''\nname:\n- shoulder\n- elbow\nposition:\n- 1.0\n- -0.5\nvelocity: []\neffort: []\n"));
    }

    [Test]
    public void DecodesBigEndianPayloads()
    {
        var registry = new InterfaceRegistry();
        registry.Add("test_pkg", "msg", "Mixed.msg", "uint8 a\nfloat64 b\nstring s\nint16[] c\n", "test");
        var codec = new DynamicCodec(registry);
        var payload = Convert.FromHexString(
            "00000000" + "07" + "00000000000000" + "4004000000000000" + "00000003" + "686900" + "00" + "00000002" + "0001" + "FFFE");
        var message = codec.Decode("test_pkg/msg/Mixed", payload);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message["a"], Is.EqualTo((byte)7));
            Assert.That(message["b"], Is.EqualTo(2.5));
            Assert.That(message["s"], Is.EqualTo("hi"));
            Assert.That(message["c"], Is.EqualTo(new short[] { 1, -2 }));
        }
    }

    internal static InterfaceRegistry CreateRegistry()
    {
        var registry = InterfaceRegistry.CreateDefault();
        registry.Add("test_pkg", "msg", "Empty.msg", "# nothing\n", "test");
        registry.Add("test_pkg", "msg", "WithDefaults.msg",
            "Header header\nint32 count\nfloat64 gain 1.5\nstring[] names [\"a\", \"b\"]\nfloat32[3] fixed\nint32[<=3] few\nstring<=4 label\n", "test");
        return registry;
    }
}
