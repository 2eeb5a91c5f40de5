using Apprentice.Ros.Args;

namespace Apprentice.Ros.Tests.Args;

public sealed class RosArgumentParserTests
{
    [Test]
    public void SplitsRosAndProgramArguments()
    {
        var a = RosArgumentParser.Parse(["--count", "3", "--ros-args", "-r", "chatter:=talk", "--", "positional"]);
        Assert.That(a.Unparsed, Is.EqualTo(new[] { "--count", "3", "positional" }));
        Assert.That(a.Remaps, Is.EqualTo(new[] { new RosRemap(null, "chatter", "talk") }));
    }

    [Test]
    public void ParsesNodeAndNamespaceRemaps()
    {
        var a = RosArgumentParser.Parse(["--ros-args", "-r", "__node:=arm", "--remap", "__ns:=/robot", "-r", "cam:__node:=front"]);
        Assert.That(a.Remaps, Is.EqualTo(new[] { new RosRemap(null, "__node", "arm"), new RosRemap(null, "__ns", "/robot"), new RosRemap("cam", "__node", "front") }));
        Assert.That(RemapResolver.ResolveNode("talker", "/", a.Remaps), Is.EqualTo(("arm", "/robot")));
        Assert.That(RemapResolver.ResolveNode("cam", "/", a.Remaps.Skip(2).ToList()), Is.EqualTo(("front", "/")));
        Assert.That(RemapResolver.ResolveNode("other", "/", a.Remaps.Skip(2).ToList()), Is.EqualTo(("other", "/")));
    }

    [Test]
    public void TopicRemapsMatchAfterExpansion()
    {
        var remaps = RosArgumentParser.Parse(["--ros-args", "-r", "chatter:=/robot/talk", "-r", "~/status:=state"]).Remaps;
        Assert.That(RemapResolver.RemapTopic("/ns/chatter", "n", "/ns", remaps), Is.EqualTo("/robot/talk"));
        Assert.That(RemapResolver.RemapTopic("/ns/n/status", "n", "/ns", remaps), Is.EqualTo("/ns/state"));
        Assert.That(RemapResolver.RemapTopic("/chatter", "n", "/ns", remaps), Is.EqualTo("/chatter"), "relative 'chatter' means /ns/chatter here");
    }

    [Test]
    public void FirstMatchingRemapWins()
    {
        var remaps = RosArgumentParser.Parse(["--ros-args", "-r", "a:=b", "-r", "a:=c"]).Remaps;
        Assert.That(RemapResolver.RemapTopic("/a", "n", "/", remaps), Is.EqualTo("/b"));
    }

    [Test]
    public void ParametersAreTypedLikeYaml()
    {
        var a = RosArgumentParser.Parse([
            "--ros-args", "-p", "rate:=30", "-p", "gain:=0.5", "-p", "enabled:=true", "-p", "name:=arm", "-p", "quoted:='30'",
            "-p", "joints:=[a, b]", "-p", "limits:=[1.5, 2.0]", "-p", "ids:=[1, 2, 3]", "-p", "flags:=[true, false]", "-p", "nested.key:=-7",
        ]);
        var p = a.ParametersFor("n", "/n");
        Assert.That(p["rate"], Is.EqualTo(new RosParameterValue(RosParameterType.Integer, 30L)));
        Assert.That(p["gain"].Value, Is.EqualTo(0.5));
        Assert.That(p["enabled"].Value, Is.EqualTo(true));
        Assert.That(p["name"].Value, Is.EqualTo("arm"));
        Assert.That(p["quoted"], Is.EqualTo(new RosParameterValue(RosParameterType.String, "30")));
        Assert.That(p["joints"].Value, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(p["limits"].Value, Is.EqualTo(new[] { 1.5, 2.0 }));
        Assert.That(p["ids"].Value, Is.EqualTo(new[] { 1L, 2L, 3L }));
        Assert.That(p["flags"].Value, Is.EqualTo(new[] { true, false }));
        Assert.That(p["nested.key"].Value, Is.EqualTo(-7L));
    }

    [Test]
    public void NodePrefixedParametersApplyOnlyToThatNode()
    {
        var a = RosArgumentParser.Parse(["--ros-args", "-p", "cam:fps:=15", "-p", "fps:=30"]);
        Assert.That(a.ParametersFor("cam", "/cam")["fps"].Value, Is.EqualTo(30L), "later -p wins");
        var b = RosArgumentParser.Parse(["--ros-args", "-p", "fps:=30", "-p", "cam:fps:=15"]);
        Assert.That(b.ParametersFor("cam", "/cam")["fps"].Value, Is.EqualTo(15L));
        Assert.That(b.ParametersFor("lidar", "/lidar")["fps"].Value, Is.EqualTo(30L));
    }

    [Test]
    public void LogLevelsEnclaveAndLoggingFlags()
    {
        var a = RosArgumentParser.Parse(["--ros-args", "--log-level", "DEBUG", "--log-level", "planner:=warn", "-e", "/robot", "--disable-rosout-logs"]);
        Assert.That(a.LogLevel, Is.EqualTo(RosLogLevel.Debug));
        Assert.That(a.LoggerLevels["planner"], Is.EqualTo(RosLogLevel.Warn));
        Assert.That(a.Enclave, Is.EqualTo("/robot"));
        Assert.That(a.RosoutLogs, Is.False);
    }

    [Test]
    public void SeveralRosArgsSectionsAccumulate()
    {
        var a = RosArgumentParser.Parse(["--ros-args", "-r", "a:=b", "--", "x", "--ros-args", "-p", "k:=1"]);
        Assert.That(a.Remaps, Has.Count.EqualTo(1));
        Assert.That(a.Parameters, Has.Count.EqualTo(1));
        Assert.That(a.Unparsed, Is.EqualTo(new[] { "x" }));
    }

    [TestCase(new[] { "--ros-args", "--frobnicate" }, "--frobnicate")]
    [TestCase(new[] { "--ros-args", "-r" }, "needs a value")]
    [TestCase(new[] { "--ros-args", "-r", "nocolon" }, "from:=to")]
    [TestCase(new[] { "--ros-args", "-r", "__node:=bad-name" }, "bad-name")]
    [TestCase(new[] { "--ros-args", "-r", "__ns:=relative" }, "relative")]
    [TestCase(new[] { "--ros-args", "-p", "x" }, "name:=value")]
    [TestCase(new[] { "--ros-args", "-p", "x:=[1, 2.5]" }, "mixes integers and doubles")]
    [TestCase(new[] { "--ros-args", "-p", "x:={a: 1}" }, "mapping")]
    [TestCase(new[] { "--ros-args", "--log-level", "loud" }, "loud")]
    [TestCase(new[] { "--ros-args", "-e", "robot" }, "absolute")]
    [TestCase(new[] { "--ros-args", "--params-file", "/nonexistent/p.yaml" }, "/nonexistent/p.yaml")]
    public void BadArgumentsGiveClearErrors(string[] args, string mentioned) =>
        Assert.That(() => RosArgumentParser.Parse(args), Throws.TypeOf<RosArgumentException>().With.Message.Contains(mentioned));

    [Test]
    public void UnknownFlagOutsideRosArgsIsLeftForTheProgram() =>
        Assert.That(RosArgumentParser.Parse(["--frobnicate"]).Unparsed, Is.EqualTo(new[] { "--frobnicate" }));

    [Test]
    public void RandomArgumentListsNeverCrashWithAnUntypedError()
    {
        var rng = new Random(99);
        string[] vocabulary = ["--ros-args", "--", "-r", "-p", "a:=b", "__node:=x", "x:=[1,", "k:=1", "--log-level", "info", "-e", "/", "::=", ":=", "{", "--params-file"];
        for (var n = 0; n < 5000; n++)
        {
            var args = Enumerable.Range(0, rng.Next(0, 7)).Select(_ => vocabulary[rng.Next(vocabulary.Length)]).ToArray();
            try
            {
                RosArgumentParser.Parse(args);
            }
            catch (RosArgumentException)
            {
                // Typed, clear error: fine.
            }
        }

        Assert.Pass();
    }
}
