using System.CommandLine;

namespace Apprentice.Cli.Tests.Policy;

public sealed class PolicyVerbTests
{
    [TestCase("control.rate_hzz:=20", "control.rate_hzz")]
    [TestCase("output.kind:=servo", "output.kind")]
    [TestCase("robot.joint_names:=[]", "robot.joint_names")]
    public void ABadParameterStopsBeforeStartingWithAnErrorNamingIt(string parameter, string named)
    {
        using var error = new StringWriter();
        var code = Program.BuildRoot().Parse(["policy", "--ros-args", "--params-file", Apprentice.Testing.RepoPaths.Path("config", "policy_node.yaml"), "-p", parameter]).Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = error });
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain(named));
    }

    [Test]
    public void AMissingParamsFileIsNamed()
    {
        using var error = new StringWriter();
        var code = Program.BuildRoot().Parse(["policy", "--autostart", "--ros-args", "--params-file", "/nonexistent/policy.yaml"]).Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = error });
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("/nonexistent/policy.yaml"));
    }
}
