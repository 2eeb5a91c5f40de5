using System.Xml.Linq;
using Apprentice.Core;
using Apprentice.Nodes.Policy;
using Apprentice.Ros.Args;
using Apprentice.Testing;

namespace Apprentice.Nodes.Tests.Policy;

public sealed class PolicyParametersTests
{
    private static IReadOnlyDictionary<string, RosParameterValue> ConfigFile() =>
        ParamsFile.Load(RepoPaths.Path("config", "policy_node.yaml")).For("/policy_node");

    [Test]
    public void EveryParameterOfTheConfigFileBindsAndTheFileDocumentsEveryParameter()
    {
        var file = ConfigFile();
        var options = PolicyParameters.Bind(file, out var read);
        Assert.That(file.Keys, Is.EquivalentTo(PolicyParameters.All.Select(p => p.Name)), "config/policy_node.yaml and PolicyParameters.All differ");
        Assert.That(read, Is.EquivalentTo(PolicyParameters.All.Select(p => p.Name)), "a documented parameter is not bound to an option");
        Assert.That(options.Robot.JointNames, Has.Count.EqualTo(7));
        Assert.That((options.Inputs.Lidar.Topic, options.Inputs.Reference.Topic, options.Takeover.Input.Topic, options.Output.Topic),
            Is.EqualTo(("/scan", "/goal_pose", "/teleop/commands", "/forward_velocity_controller/commands")));
    }

    [Test]
    public void EveryParameterLineOfTheConfigFileStatesItsDefault()
    {
        var lines = File.ReadAllLines(RepoPaths.Path("config", "policy_node.yaml")).Where(l => l.Contains(": ", StringComparison.Ordinal) && !l.TrimStart().StartsWith('#')).ToList();
        Assert.That(lines, Has.Count.EqualTo(PolicyParameters.All.Count));
        Assert.That(lines, Has.All.Contain("default: "));
        Assert.That(PolicyParameters.All.Select(p => p.Description), Has.All.Length.GreaterThan(10));
    }

    [Test]
    public void AnUnknownParameterIsRejectedByName()
    {
        var values = new Dictionary<string, RosParameterValue>(ConfigFile()) { ["control.rate_hzz"] = PolicyRig.V(20.0) };
        Assert.That(() => PolicyParameters.Bind(values), Throws.TypeOf<ConfigurationException>().With.Property("Field").EqualTo("control.rate_hzz"));
    }

    [TestCase("control.rate_hz", "fast")]
    [TestCase("output.kind", "servo")]
    [TestCase("output.mode", "chunk")]
    [TestCase("inputs.lidar.type", "sensor_msgs/msg/Image")]
    [TestCase("takeover.timeout_s", -1.0)]
    [TestCase("inputs.joint_states.qos", "fastest")]
    [TestCase("safety.slowdown_distance_m", 0.01)]
    public void AnInvalidValueIsRejectedNamingTheParameter(string name, object value)
    {
        var values = new Dictionary<string, RosParameterValue>(ConfigFile()) { [name] = PolicyRig.V(value) };
        Assert.That(() => PolicyParameters.Bind(values), Throws.TypeOf<ConfigurationException>().With.Message.Contains(name));
    }

    [Test]
    public void TheLaunchFileNamesTheExecutableTheParameterFileAndOnlyDocumentedParameters()
    {
        var launch = XDocument.Load(RepoPaths.Path("launch", "policy.launch.xml"));
        var nodes = launch.Root!.Elements("node").ToList();
        Assert.That(nodes.Select(n => (string?)n.Attribute("exec")), Has.All.EqualTo("apprentice_policy"));
        Assert.That(nodes.SelectMany(n => n.Elements("param")).Select(p => (string?)p.Attribute("from")).OfType<string>(), Has.All.EqualTo("$(var params_file)"));
        Assert.That((string?)launch.Root.Elements("arg").Single(a => (string?)a.Attribute("name") == "params_file").Attribute("default"), Does.EndWith("/config/policy_node.yaml"));
        var names = nodes.SelectMany(n => n.Elements("param")).Select(p => (string?)p.Attribute("name")).OfType<string>();
        Assert.That(names.Distinct(), Is.SubsetOf(PolicyParameters.All.Select(p => p.Name)));
        Assert.That(launch.Root.Elements("arg").Select(a => (string?)a.Attribute("name")), Is.SupersetOf(new[] { "robot", "model_path", "namespace" }));
    }
}
