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
