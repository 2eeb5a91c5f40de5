using Apprentice.Ros.Cdr;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.GenTest;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.TestMsgs;

namespace Apprentice.Ros.Tests.Generated;

/// <summary>Fixed arrays, bounds, empty structs, defaults, constants and naming of generated types.</summary>
public sealed class GeneratedShapesTests
{
    [Test]
    public void FixedArrayOfWrongLengthIsRejectedOnWriteNamingTheField()
    {
        var message = new Shapes { FixedDoubles = new double[3] };
        var e = Assert.Throws<MessageFieldLengthException>(() => RosMessageCodec.Encode(message));
        Assert.Multiple(() =>
        {
            Assert.That(e!.Field, Is.EqualTo("gen_test/msg/Shapes.fixed_doubles"));
            Assert.That((e.Actual, e.Limit, e.IsFixed), Is.EqualTo((3L, 2L, true)));
        });
    }

    [TestCase("bounded_ints")]
    [TestCase("short_text")]
    [TestCase("short_texts")]
    [TestCase("short_texts element")]
    [TestCase("short_text utf8")]
    [TestCase("some_nothings")]
    public void ExceededBoundIsRejectedOnWrite(string what)
    {
        var message = new Shapes();
        switch (what)
        {
            case "bounded_ints": message.BoundedInts = new[] { 1, 2, 3, 4 }; break;
            case "short_text": message.ShortText = "sixsix"; break;
            case "short_texts": message.ShortTexts = new[] { "a", "b", "c" }; break;
            case "short_texts element": message.ShortTexts = new[] { "fiver" }; break;
            case "short_text utf8": message.ShortText = "ééé"; break; // 3 characters, 6 bytes > 5: bounds count wire bytes
            default: message.SomeNothings = new[] { new Nothing(), new Nothing(), new Nothing() }; break;
        }

        var e = Assert.Throws<MessageFieldLengthException>(() => RosMessageCodec.Encode(message));
        Assert.That(e!.Field, Is.EqualTo("gen_test/msg/Shapes." + what.Split(' ')[0]));
    }

    [Test]
    public void NullStringsArraysAndElementsAreRejectedNamingTheField()
    {
        var nullElement = Samples.JointState(2);
        nullElement.Name[1] = null!;
        var nullArray = Samples.JointState(2);
        nullArray.Effort = null!;
        var nullNested = Samples.JointState(2);
        nullNested.Header = null!;
        Assert.Multiple(() =>
        {
            Assert.That(() => RosMessageCodec.Encode(nullElement), Throws.ArgumentNullException.With.Message.Contains("sensor_msgs/msg/JointState.name"));
            Assert.That(() => RosMessageCodec.Encode(nullArray, new byte[1024]), Throws.ArgumentNullException.With.Message.Contains("sensor_msgs/msg/JointState.effort"));
            Assert.That(() => RosMessageCodec.GetEncodedSize(nullNested), Throws.ArgumentNullException.With.Message.Contains("sensor_msgs/msg/JointState.header"));
        });
    }

    [Test]
    public void SequenceOverItsBoundIsRejectedOnRead()
    {
        var bytes = RosMessageCodec.Encode(new Shapes { BoundedInts = new[] { 1, 2, 3 } });
        bytes[4] = 4; // the first field's count
        Assert.Throws<CdrException>(() => RosMessageCodec.Decode<Shapes>(bytes));
    }

    [Test]
    public void LyingSequenceCountFailsWithoutAllocatingForIt()
    {
        var bytes = RosMessageCodec.Encode(new Image { Data = new byte[8] });
        var countAt = bytes.Length - 8 - 4;
        BitConverter.TryWriteBytes(bytes.AsSpan(countAt), int.MaxValue);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<CdrException>(() => RosMessageCodec.Decode<Image>(bytes));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(64 * 1024));
    }

    [Test]
    public void TruncatedPayloadsAreTypedErrors()
    {
        var bytes = RosMessageCodec.Encode(Samples.JointState(7));
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<CdrException>(() => RosMessageCodec.Decode<JointState>(bytes.AsSpan(0, length)), $"length {length}");
        }
    }

    [Test]
    public void EmptyStructIsOneByteOnTheWire()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Convert.ToHexString(RosMessageCodec.Encode(new Nothing())), Is.EqualTo("0001000000"));
            Assert.That(Convert.ToHexString(RosMessageCodec.Encode(new PingRequest())), Is.EqualTo("0001000000"));
            Assert.That(RosMessageCodec.GetEncodedSize(new Nothing()), Is.EqualTo(5));
        });
    }

    [Test]
    public void DefaultsAndConstantsComeFromTheDefinition()
    {
        var defaults = new Defaults();
        var arrays = new Arrays();
        var strings = new Strings();
        Assert.Multiple(() =>
        {
            Assert.That(defaults.BoolValue, Is.True);
            Assert.That(defaults.Int8Value, Is.EqualTo((sbyte)-50));
            Assert.That(defaults.Float32Value, Is.EqualTo(1.125f));
            Assert.That(defaults.Uint64Value, Is.EqualTo(50_000_000UL));
            Assert.That(arrays.Int64ValuesDefault, Is.EqualTo(new[] { 0, long.MaxValue, long.MinValue }));
            Assert.That(arrays.Uint64ValuesDefault, Is.EqualTo(new[] { 0UL, 1UL, ulong.MaxValue }));
            Assert.That(arrays.StringValuesDefault, Is.EqualTo(new[] { string.Empty, "max value", "min value" }));
            Assert.That(arrays.StringValues, Is.EqualTo(new[] { string.Empty, string.Empty, string.Empty }));
            Assert.That(arrays.BasicTypesValues, Has.Length.EqualTo(3).And.All.Not.Null);
            Assert.That(arrays.Float64Values, Has.Length.EqualTo(3));
            Assert.That(strings.StringValueDefault4, Is.EqualTo("Hello'world!"));
            Assert.That(strings.StringValueDefault5, Is.EqualTo("Hello\"world!"));
            Assert.That(Strings.STRING_CONST, Is.EqualTo("Hello world!"));
            Assert.That(Constants.UINT64_CONST, Is.EqualTo(50_000_000UL));
            Assert.That(Constants.INT8_CONST, Is.EqualTo((sbyte)-50));
            Assert.That(Constants.BOOL_CONST, Is.True);
            Assert.That(new PingResponse().Reply, Is.EqualTo("pong"));
        });
    }

    [Test]
    public void FieldsThatWouldCollideWithClassOrGeneratedMembersGetAValueSuffix()
    {
        var message = new Shapes2 { Shapes2Value = 5, SerializeValue = "s", RosTypeNameValue = 1.5f };
        var decoded = RosMessageCodec.Decode<Shapes2>(RosMessageCodec.Encode(message));
        Assert.That((decoded.Shapes2Value, decoded.SerializeValue, decoded.RosTypeNameValue), Is.EqualTo((5, "s", 1.5f)));
    }

    [Test]
    public void NamespacesArePascalCasePackages()
    {
        Assert.Multiple(() =>
        {
            Assert.That(typeof(JointState).FullName, Is.EqualTo("Apprentice.Ros.Msgs.SensorMsgs.JointState"));
            Assert.That(typeof(Apprentice.Ros.Msgs.BuiltinInterfaces.Time).Namespace, Is.EqualTo("Apprentice.Ros.Msgs.BuiltinInterfaces"));
            Assert.That(JointState.DdsTypeName, Is.EqualTo("sensor_msgs::msg::dds_::JointState_"));
        });
    }
}
