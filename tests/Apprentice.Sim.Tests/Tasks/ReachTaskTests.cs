using Apprentice.Safety.Geometry;
using Apprentice.Sim.Scene;
using Apprentice.Sim.Tasks;

namespace Apprentice.Sim.Tests.Tasks;

public class ReachTaskTests
{
    [Test]
    public void EpisodesAreSeededAndInsideTheBox()
    {
        var task = new ReachTask(new ReachTaskOptions());
        var o = task.Options;
        for (var i = 0; i < 200; i++)
        {
            var e = task.Generate(3, i);
            Assert.That(e.Target.X, Is.InRange(o.TargetMin.X, o.TargetMax.X));
            Assert.That(e.Target.Y, Is.InRange(o.TargetMin.Y, o.TargetMax.Y));
            Assert.That(e.Target.Z, Is.InRange(o.TargetMin.Z, o.TargetMax.Z));
            Assert.That(e.InitialJointPositions.Zip(o.Home).All(p => Math.Abs(p.First - p.Second) <= o.HomeNoiseRad), Is.True);
        }

        var again = new ReachTask(new ReachTaskOptions());
        Assert.That(again.Generate(3, 7).Target, Is.EqualTo(task.Generate(3, 7).Target));
        Assert.That(task.Generate(3, 7).Target, Is.Not.EqualTo(task.Generate(4, 7).Target));
    }

    [Test]
    public void SuccessNeedsTheFullHoldInsideTheRadius()
    {
        var options = new ReachTaskOptions();
        var monitor = new ReachMonitor(options);
        var target = new Vec3(0.5, 0, 0.3);
        var near = target + new Vec3(0.02, 0, 0);
        var far = target + new Vec3(0.04, 0, 0);
        Assert.That(monitor.Update(TimeSpan.FromSeconds(1.0), near, target), Is.EqualTo(ReachOutcome.Running));
        Assert.That(monitor.Update(TimeSpan.FromSeconds(1.2), far, target), Is.EqualTo(ReachOutcome.Running));
        Assert.That(monitor.Update(TimeSpan.FromSeconds(1.3), near, target), Is.EqualTo(ReachOutcome.Running));
        Assert.That(monitor.Update(TimeSpan.FromSeconds(1.59), near, target), Is.EqualTo(ReachOutcome.Running));
        Assert.That(monitor.Update(TimeSpan.FromSeconds(1.6), near, target), Is.EqualTo(ReachOutcome.Succeeded));
        Assert.That(monitor.ReachedAt, Is.EqualTo(TimeSpan.FromSeconds(1.3)));
    }

    [Test]
    public void TimeLimitEndsTheEpisode()
    {
        var monitor = new ReachMonitor(new ReachTaskOptions());
        var target = new Vec3(0.5, 0, 0.3);
        Assert.That(monitor.Update(TimeSpan.FromSeconds(7.99), target + new Vec3(0, 0, 0.1), target), Is.EqualTo(ReachOutcome.Running));
        Assert.That(monitor.Update(TimeSpan.FromSeconds(8), target + new Vec3(0, 0, 0.1), target), Is.EqualTo(ReachOutcome.TimedOut));
        Assert.That(monitor.Update(TimeSpan.FromSeconds(9), target, target), Is.EqualTo(ReachOutcome.TimedOut));
    }
}
