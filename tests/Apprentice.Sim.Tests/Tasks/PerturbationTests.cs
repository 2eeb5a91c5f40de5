using Apprentice.Safety.Geometry;
using Apprentice.Sim.Perturbations;

namespace Apprentice.Sim.Tests.Tasks;

public class PerturbationTests
{
    [Test]
    public void ScheduleIsSeededAndHasEveryKind()
    {
        using var sim = SimFixture.Load();
        var episode = sim.Task.Generate(9, 4);
        var a = PerturbationSchedule.Generate(episode, sim.Tcp, new PerturbationOptions());
        var b = PerturbationSchedule.Generate(episode, sim.Tcp, new PerturbationOptions());
        Assert.That(a.Items, Is.EqualTo(b.Items).Using<Perturbation>((x, y) => x.ToString() == y.ToString()));
        Assert.That(a.Items.Select(p => p.GetType()).Distinct().Count(), Is.EqualTo(4));
        Assert.That(PerturbationSchedule.Generate(sim.Task.Generate(9, 5), sim.Tcp, new PerturbationOptions()).Items[0].Start, Is.Not.EqualTo(a.Items[0].Start));
    }

    [Test]
    public void IntrusionMovesTheObstacleForItsDurationThenParksIt()
    {
        using var sim = SimFixture.Load();
        var episode = sim.Task.Generate(1, 0);
        var where = new Vec3(0.5, 0.0, 0.15);
        sim.Reset(episode, new PerturbationSchedule([new ObstacleIntrusionPerturbation(TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(0.3), where)]));
        sim.Step(TimeSpan.FromSeconds(0.1));
        Assert.That(sim.Obstacle, Is.EqualTo(episode.ObstaclePark));
        sim.Step(TimeSpan.FromSeconds(0.2));
        Assert.That(sim.Obstacle, Is.EqualTo(where));
        sim.Step(TimeSpan.FromSeconds(0.3));
        Assert.That(sim.Obstacle, Is.EqualTo(episode.ObstaclePark));
    }

    [Test]
    public void PushKicksTheJointsAndTheServoRecovers()
    {
        using var sim = SimFixture.Load();
        var episode = sim.Task.Generate(1, 0);
        sim.Reset(episode, new PerturbationSchedule([new PushPerturbation(TimeSpan.FromSeconds(0.1), [0, 1.0, 0, 0, 0, 0, 0])]));
        sim.Step(TimeSpan.FromSeconds(0.12));
        var q = new double[7];
        sim.GetJointPositions(q);
        Assert.That(Math.Abs(q[1] - episode.InitialJointPositions[1]), Is.GreaterThan(0.002));
        sim.Step(TimeSpan.FromSeconds(1));
        sim.GetJointPositions(q);
        Assert.That(q[1], Is.EqualTo(episode.InitialJointPositions[1]).Within(2e-3));
    }

    [Test]
    public void DropoutAndDelayAnswerByTopicAndTime()
    {
        var s = new PerturbationSchedule([
            new SensorDropoutPerturbation(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.5), "/joint_states"),
            new SensorDelayPerturbation(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), "/scan", TimeSpan.FromMilliseconds(100)),
        ]);
        Assert.That(s.IsDropped("/joint_states", TimeSpan.FromSeconds(1.2)), Is.True);
        Assert.That(s.IsDropped("/joint_states", TimeSpan.FromSeconds(1.5)), Is.False);
        Assert.That(s.IsDropped("/scan", TimeSpan.FromSeconds(1.2)), Is.False);
        Assert.That(s.DelayOf("/scan", TimeSpan.FromSeconds(2.5)), Is.EqualTo(TimeSpan.FromMilliseconds(100)));
        Assert.That(s.DelayOf("/scan", TimeSpan.FromSeconds(3.5)), Is.EqualTo(TimeSpan.Zero));
    }
}

public class IntrusionSlideTests
{
    [Test]
    public void ObstacleSlidesInLinearlyFromItsParkPosition()
    {
        var park = new Vec3(0.45, 0.8, 0.15);
        var p = new ObstacleIntrusionPerturbation(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), new Vec3(0.45, 0, 0.15), TimeSpan.FromSeconds(1));
        Assert.That(p.PositionAt(TimeSpan.FromSeconds(1), park), Is.EqualTo(park));
        Assert.That(p.PositionAt(TimeSpan.FromSeconds(1.5), park).Y, Is.EqualTo(0.4).Within(1e-12));
        Assert.That(p.PositionAt(TimeSpan.FromSeconds(2.5), park), Is.EqualTo(p.Position));
    }
}
