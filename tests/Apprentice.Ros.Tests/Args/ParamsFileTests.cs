using Apprentice.Ros.Args;

namespace Apprentice.Ros.Tests.Args;

public sealed class ParamsFileTests
{
    private const string Yaml = """
        /**:
          ros__parameters:
            use_sim_time: true
            rate_hz: 10
        policy:
          ros__parameters:
            rate_hz: 30
            model:
              path: /models/p.onnx
              chunk: 8
            joints: [j1, j2]
        /robot/camera:
          ros__parameters:
            fps: 15.0
        /robot/*:
          ros__parameters:
            frame_prefix: robot_
        robot:
          lidar:
            ros__parameters:
              range_max: 30.0
        """;

    [Test]
    public void WildcardBlockAppliesToEveryNode()
    {
        var f = ParamsFile.Parse(Yaml, "test.yaml");
        Assert.That(f.For("/anything/deep/node")["use_sim_time"].Value, Is.EqualTo(true));
    }

    [Test]
    public void NodeBlockOverridesEarlierWildcardAndFlattensNestedNames()
    {
        var p = ParamsFile.Parse(Yaml, "test.yaml").For("/policy");
        Assert.That(p["rate_hz"].Value, Is.EqualTo(30L));
        Assert.That(p["model.path"].Value, Is.EqualTo("/models/p.onnx"));
        Assert.That(p["model.chunk"].Value, Is.EqualTo(8L));
        Assert.That(p["joints"].Value, Is.EqualTo(new[] { "j1", "j2" }));
    }

    [Test]
    public void UnqualifiedNodeKeyMeansTheRootNamespace() =>
        Assert.That(ParamsFile.Parse(Yaml, "test.yaml").For("/ns/policy").ContainsKey("model.path"), Is.False);

    [Test]
    public void SingleStarMatchesOneToken()
    {
        var f = ParamsFile.Parse(Yaml, "test.yaml");
        Assert.That(f.For("/robot/camera")["frame_prefix"].Value, Is.EqualTo("robot_"));
        Assert.That(f.For("/robot/camera")["fps"].Value, Is.EqualTo(15.0));
        Assert.That(f.For("/robot/a/camera").ContainsKey("frame_prefix"), Is.False);
    }

    [Test]
    public void NestedNamespaceKeysAreJoined() =>
        Assert.That(ParamsFile.Parse(Yaml, "test.yaml").For("/robot/lidar")["range_max"].Value, Is.EqualTo(30.0));

    [Test]
    public void CommandLineParametersOverrideFiles()
    {
        var path = Path.Combine(Path.GetTempPath(), $"params-{Environment.ProcessId}-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Yaml);
        try
        {
            var a = RosArgumentParser.Parse(["--ros-args", "--params-file", path, "-p", "rate_hz:=99"]);
            var p = a.ParametersFor("policy", "/policy");
            Assert.That(p["rate_hz"].Value, Is.EqualTo(99L));
            Assert.That(p["model.chunk"].Value, Is.EqualTo(8L));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("node:\n  params:\n    x: 1\n", "ros__parameters")]
    [TestCase("- a\n- b\n", "top level")]
    [TestCase("node: [unclosed\n", "not valid YAML")]
    [TestCase("node:\n  ros__parameters:\n    x: [1, 2.0]\n", "'x'")]
    public void MalformedFilesNameTheFileAndProblem(string yaml, string mentioned) =>
        Assert.That(() => ParamsFile.Parse(yaml, "bad.yaml"), Throws.TypeOf<RosArgumentException>().With.Message.Contains(mentioned).And.Message.Contains("bad.yaml"));
}
