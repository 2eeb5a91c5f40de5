using Apprentice.Sim.Physics;
using Apprentice.Sim.Scene;

namespace Apprentice.Sim.Tests.Physics;

public class LoadErrorTests
{
    [Test]
    public void MissingSceneFileGivesATypedErrorNamingIt()
    {
        var options = SimFixture.Options with { ScenePath = "/nonexistent/scene.xml" };
        var e = Assert.Throws<SceneLoadException>(() => ReachSimulation.Load(options));
        Assert.That(e!.Message, Does.Contain("/nonexistent/scene.xml"));
    }

    [Test]
    public void InvalidMjcfGivesMujocosMessage()
    {
        var e = Assert.Throws<SceneLoadException>(() => MujocoModel.LoadXml("<mujoco><worldbody><geom type='nonsense'/></worldbody></mujoco>"));
        Assert.That(e!.Message, Does.Contain("nonsense"));
    }

    [Test]
    public void SceneWithoutTheReachElementsIsRejected()
    {
        var path = Path.Combine(Path.GetTempPath(), $"apprentice-sim-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, "<mujoco><worldbody><body><joint type='hinge'/><geom size='0.1'/></body></worldbody></mujoco>");
        try
        {
            var e = Assert.Throws<SceneLoadException>(() => ReachSimulation.Load(SimFixture.Options with { ScenePath = path }));
            Assert.That(e!.Message, Does.Contain("7 arm joints"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void MissingParameterFileGivesATypedError()
    {
        Assert.Throws<SceneLoadException>(() => ReachOptions.Load("/nonexistent/reach.yaml"));
    }

    [Test]
    public void MujocoVersionIsTheDebianOne()
    {
        Assert.That(MujocoModel.Version(), Does.StartWith("2.2"));
    }
}

public class OptionsErrorTests
{
    [TestCase("sim:\n  ros__parameters:\n    scan_rate_hz: fast\n", "scan_rate_hz")]
    [TestCase("sim:\n  ros__parameters:\n    task:\n      target_min: [0.1, 0.2]\n", "task.target_min")]
    public void WrongValueTypesNameTheParameter(string yaml, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"apprentice-sim-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            var e = Assert.Throws<SceneLoadException>(() => ReachOptions.Load(path));
            Assert.That(e!.Message, Does.Contain(name));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void OutOfRangeValueNamesTheParameter()
    {
        var path = Path.Combine(Path.GetTempPath(), $"apprentice-sim-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "sim:\n  ros__parameters:\n    task:\n      success_radius_m: -1.0\n");
        try
        {
            var e = Assert.Throws<ArgumentException>(() => ReachOptions.Load(path));
            Assert.That(e!.Message, Does.Contain("success_radius_m"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
