using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Tests.Idl;

public sealed class MsgParserTests
{
    [Test]
    public void ParsesEveryPrimitiveType()
    {
        var names = new[] { "bool", "byte", "char", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64", "string", "wstring" };
        var text = string.Join("\n", names.Select((n, i) => n + " f" + i));
        var def = MsgParser.ParseMessage(text, "pkg", "All");
        Assert.That(def.Fields.Select(f => f.Type.Kind.ToMsgName()), Is.EqualTo(names));
        Assert.That(def.FullName, Is.EqualTo("pkg/msg/All"));
    }

    [Test]
    public void ParsesArrayShapesAndBoundedStrings()
    {
        var def = MsgParser.ParseMessage("int32[3] a\nint32[<=4] b\nint32[] c\nstring<=5 d\nstring<=5[<=2] e\nwstring<=3[7] f", "pkg", "Arr");
        var t = def.Fields.Select(f => f.Type).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That((t[0].Array, t[0].ArrayLength), Is.EqualTo((ArrayKind.Fixed, 3)));
            Assert.That((t[1].Array, t[1].ArrayLength), Is.EqualTo((ArrayKind.Bounded, 4)));
            Assert.That((t[2].Array, t[2].ArrayLength), Is.EqualTo((ArrayKind.Unbounded, 0)));
            Assert.That((t[3].Kind, t[3].StringBound, t[3].Array), Is.EqualTo((PrimitiveKind.String, (int?)5, ArrayKind.None)));
            Assert.That(t[4].ToString(), Is.EqualTo("string<=5[<=2]"));
            Assert.That(t[5].ToString(), Is.EqualTo("wstring<=3[7]"));
        });
    }

    [Test]
    public void ParsesConstantsIncludingStringsWithHashAndSpaces()
    {
        var def = MsgParser.ParseMessage("int32 X=5\nuint8 Y = 255 # comment\nstring S=\"a # b\"\nstring T=plain text\nfloat64 PI=3.5\nbool B=true", "pkg", "C");
        Assert.That(def.Constants.Select(c => c.Value), Is.EqualTo(new object[] { 5, (byte)255, "a # b", "plain text", 3.5, true }));
        Assert.That(def.Fields, Is.Empty);
    }

    [Test]
    public void ParsesDefaultValuesForScalarsArraysAndQuotedStrings()
    {
        var def = MsgParser.ParseMessage(
            "int32 a 7\nfloat32[2] b [1.5, -2]\nstring c \"Hello'world!\"\nstring d 'Hello\\'world!'\nstring[] e [\"x,y\", 'z']\nbool f false\nint64[<=3] g []",
            "pkg", "D");
        Assert.Multiple(() =>
        {
            Assert.That(def.Fields[0].DefaultValue, Is.EqualTo(7));
            Assert.That(def.Fields[1].DefaultValue, Is.EqualTo(new object[] { 1.5f, -2f }));
            Assert.That(def.Fields[2].DefaultValue, Is.EqualTo("Hello'world!"));
            Assert.That(def.Fields[3].DefaultValue, Is.EqualTo("Hello'world!"));
            Assert.That(def.Fields[4].DefaultValue, Is.EqualTo(new object[] { "x,y", "z" }));
            Assert.That(def.Fields[5].DefaultValue, Is.EqualTo(false));
            Assert.That(def.Fields[6].DefaultValue, Is.Empty);
            Assert.That(def.Fields[1].DefaultText, Is.EqualTo("[1.5, -2]"));
        });
    }

    [Test]
    public void ResolvesNestedTypeNamesLikeRosidl()
    {
        var def = MsgParser.ParseMessage("Header h\nPoint p\ngeometry_msgs/Pose q\ngeometry_msgs/msg/Twist[] r", "my_pkg", "N");
        Assert.That(def.Fields.Select(f => f.Type.MessageType), Is.EqualTo(new[]
        {
            "std_msgs/msg/Header", "my_pkg/msg/Point", "geometry_msgs/msg/Pose", "geometry_msgs/msg/Twist",
        }));
        Assert.That(def.Dependencies, Has.Exactly(4).Items);
    }

    [Test]
    public void KeepsCommentsInTextAndIgnoresCommentLines()
    {
        const string text = "# leading\n\n  # indented\nint32 a # trailing\n";
        var def = MsgParser.ParseMessage(text, "pkg", "K");
        Assert.That(def.Fields, Has.Count.EqualTo(1));
        Assert.That(def.Text, Is.EqualTo(text));
    }

    [Test]
    public void ParsesServiceIntoRequestAndResponse()
    {
        var srv = MsgParser.ParseService("int64 a\nint64 b\n---\nint64 sum\n", "example_interfaces", "AddTwoInts");
        Assert.Multiple(() =>
        {
            Assert.That(srv.Request.FullName, Is.EqualTo("example_interfaces/srv/AddTwoInts_Request"));
            Assert.That(srv.Request.Fields.Select(f => f.Name), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(srv.Response.Fields.Select(f => f.Name), Is.EqualTo(new[] { "sum" }));
            Assert.That(srv.CreateEventMessage().Fields[1].Type.MessageType, Is.EqualTo(srv.Request.FullName));
        });
    }

    [TestCase("int32 a\nfoo_bar Bad x", 2, 1, "unknown type")]
    [TestCase("int32 Aa", 1, 7, "field name")]
    [TestCase("int32 a__b", 1, 7, "field name")]
    [TestCase("int32 a_", 1, 7, "field name")]
    [TestCase("int32", 1, 1, "no field name")]
    [TestCase("int8 a 128", 1, 8, "int8")]
    [TestCase("uint8 a -1", 1, 9, "uint8")]
    [TestCase("int32[2] a [1, 2, 3]", 1, 12, "exactly 2")]
    [TestCase("int32[<=1] a [1, 2]", 1, 14, "at most 1")]
    [TestCase("string<=2 a \"abc\"", 1, 13, "at most 2")]
    [TestCase("bool a maybe", 1, 8, "not a bool")]
    [TestCase("int32 lower=1", 1, 7, "constant name")]
    [TestCase("int32[2] X=1", 1, 1, "scalar primitive")]
    [TestCase("int32[0] a", 1, 7, "positive integer")]
    [TestCase("int32[x] a", 1, 7, "positive integer")]
    [TestCase("float64<=3 a", 1, 8, "only string")]
    [TestCase("int32 a\nint32 a", 2, 7, "declared twice")]
    [TestCase("time stamp", 1, 1, "builtin_interfaces/Time")]
    [TestCase("Header h 5", 1, 10, "cannot have a default")]
    public void ReportsErrorsWithLineAndColumn(string text, int line, int column, string fragment)
    {
        var e = Assert.Throws<IdlParseException>(() => MsgParser.ParseMessage(text, "pkg", "E", "E.msg"));
        Assert.Multiple(() =>
        {
            Assert.That((e!.Line, e.Column), Is.EqualTo((line, column)), e.Message);
            Assert.That(e.Message, Does.Contain(fragment).And.StartWith("E.msg:" + line + ":" + column + ": "));
        });
    }

    [Test]
    public void ServiceWithoutSeparatorOrWithTwoIsRejected()
    {
        Assert.Throws<IdlParseException>(() => MsgParser.ParseService("int32 a", "pkg", "S"));
        var e = Assert.Throws<IdlParseException>(() => MsgParser.ParseService("---\n---", "pkg", "S"));
        Assert.That(e!.Line, Is.EqualTo(2));
    }

    [Test]
    public void ResponseErrorsCarryTheirLineInTheWholeFile()
    {
        var e = Assert.Throws<IdlParseException>(() => MsgParser.ParseService("int32 a\n---\nint32 B", "pkg", "S"));
        Assert.That(e!.Line, Is.EqualTo(3));
    }

    [TestCase("lower")]
    [TestCase("Has_Underscore")]
    public void InvalidTypeNamesAreRejected(string name) =>
        Assert.Throws<IdlParseException>(() => MsgParser.ParseMessage("int32 a", "pkg", name));
}
