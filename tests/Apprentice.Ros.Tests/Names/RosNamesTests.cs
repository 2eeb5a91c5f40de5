using Apprentice.Ros.Names;

namespace Apprentice.Ros.Tests.Names;

public sealed class RosNamesTests
{
    [TestCase("chatter", "talker", "/", "/chatter")]
    [TestCase("chatter", "talker", "/robot", "/robot/chatter")]
    [TestCase("/chatter", "talker", "/robot", "/chatter")]
    [TestCase("~", "talker", "/robot", "/robot/talker")]
    [TestCase("~/status", "talker", "/robot", "/robot/talker/status")]
    [TestCase("~/status", "talker", "/", "/talker/status")]
    [TestCase("{node}/x", "talker", "/", "/talker/x")]
    [TestCase("{ns}/x", "talker", "/a/b", "/a/b/x")]
    [TestCase("{ns}/x", "talker", "/", "/x")]
    [TestCase("/{node}_out", "cam", "/r", "/cam_out")]
    [TestCase("a/b/c", "n", "/ns", "/ns/a/b/c")]
    public void ExpandsLikeRcl(string name, string node, string ns, string expected) =>
        Assert.That(RosNames.ExpandTopicName(name, node, ns), Is.EqualTo(expected));

    [TestCase("")]
    [TestCase("/")]
    [TestCase("a//b")]
    [TestCase("trailing/")]
    [TestCase("1abc")]
    [TestCase("a/2b")]
    [TestCase("has space")]
    [TestCase("a~b")]
    [TestCase("~x")]
    [TestCase("{unclosed")]
    [TestCase("a-b")]
    public void RejectsInvalidTopicNames(string name) =>
        Assert.That(() => RosNames.ValidateTopicName(name), Throws.TypeOf<InvalidRosNameException>().With.Message.Contains("'" + name + "'"));

    [Test]
    public void UnknownSubstitutionNamesTheKey() =>
        Assert.That(() => RosNames.ExpandTopicName("{robot}/x", "n", "/"), Throws.TypeOf<InvalidRosNameException>().With.Message.Contains("{robot}"));

    [Test]
    public void ExtraSubstitutionsAreApplied() =>
        Assert.That(RosNames.ExpandTopicName("{robot}/x", "n", "/", new Dictionary<string, string> { ["robot"] = "ur5" }), Is.EqualTo("/ur5/x"));

    [TestCase("talker", true)]
    [TestCase("_hidden", true)]
    [TestCase("Talker_2", true)]
    [TestCase("2talker", false)]
    [TestCase("", false)]
    [TestCase("my-node", false)]
    [TestCase("a/b", false)]
    public void ValidatesNodeNames(string name, bool valid)
    {
        if (valid)
        {
            Assert.DoesNotThrow(() => RosNames.ValidateNodeName(name));
        }
        else
        {
            Assert.That(() => RosNames.ValidateNodeName(name), Throws.TypeOf<InvalidRosNameException>());
        }
    }

    [TestCase("/", true)]
    [TestCase("/a/b", true)]
    [TestCase("a", false)]
    [TestCase("/a/", false)]
    [TestCase("//", false)]
    [TestCase("/a/1b", false)]
    public void ValidatesNamespaces(string ns, bool valid)
    {
        if (valid)
        {
            Assert.DoesNotThrow(() => RosNames.ValidateNamespace(ns));
        }
        else
        {
            Assert.That(() => RosNames.ValidateNamespace(ns), Throws.TypeOf<InvalidRosNameException>());
        }
    }

    [Test]
    public void TooLongExpandedNameIsRejected() =>
        Assert.That(() => RosNames.ExpandTopicName(new string('a', 250), "n", "/"), Throws.TypeOf<InvalidRosNameException>());

    [Test]
    public void RandomInputsEitherExpandToValidNamesOrFailWithTheTypedError()
    {
        var rng = new Random(1234);
        const string alphabet = "ab_/~{}1 .-";
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[rng.Next(0, 12)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[rng.Next(alphabet.Length)];
            }

            var name = new string(chars);
            try
            {
                var fq = RosNames.ExpandTopicName(name, "node", "/ns");
                Assert.DoesNotThrow(() => RosNames.ValidateFullTopicName(fq), name);
            }
            catch (InvalidRosNameException)
            {
                // Expected for invalid inputs.
            }
        }
    }
}
