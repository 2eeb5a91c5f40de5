using Apprentice.Safety.Kinematics;

namespace Apprentice.Sim.Tests.Physics;

public class SceneKinematicsTests
{
    [Test]
    public void MujocoTcpMatchesUrdfForwardKinematicsAtRandomConfigurations()
    {
        using var sim = SimFixture.Load();
        var chain = KinematicChain.Create(SimFixture.Panda, "panda_link0", "panda_hand_tcp");
        var fk = new KinematicsSolver(chain);
        var random = new Random(42);
        var limits = chain.VariableNames.Select(n => SimFixture.Panda.Joint(n).Limit!).ToArray();
        var q = new double[7];
        var worst = 0.0;
        for (var trial = 0; trial < 200; trial++)
        {
            for (var i = 0; i < 7; i++)
            {
                q[i] = limits[i].Lower + ((limits[i].Upper - limits[i].Lower) * random.NextDouble());
            }

            sim.Model.SetQpos(q);
            sim.Model.Forward();
            fk.Update(q);
            worst = Math.Max(worst, (sim.Tcp - fk.TipPose.Translation).Length);
        }

        Assert.That(worst, Is.LessThan(0.001));
    }

    [Test]
    public void HomePoseTcpIsInFrontOfTheRobotAboveTheTable()
    {
        using var sim = SimFixture.Load();
        sim.Model.SetQpos([.. SimFixture.Options.Task.Home]);
        sim.Model.Forward();
        Assert.That(sim.Tcp.X, Is.EqualTo(0.307).Within(0.01));
        Assert.That(sim.Tcp.Z, Is.GreaterThan(0.3));
    }
}
