using Apprentice.Sim.Expert;
using Apprentice.Sim.Tasks;

namespace Apprentice.Sim.Tests.Expert;

public class ScriptedExpertTests
{
    private static readonly TimeSpan ControlPeriod = TimeSpan.FromMilliseconds(50);

    [Test]
    public void SolvesAtLeast98PercentOf100SeededEpisodesWithoutCollisions()
    {
        using var sim = SimFixture.Load();
        var expert = ScriptedExpert.ForPanda(SimFixture.Panda, SimFixture.Options.Task.Home);
        var results = Enumerable.Range(0, 100).Select(i => ExpertRollout.Run(sim, expert, sim.Task.Generate(7, i), ControlPeriod)).ToList();
        var failures = results.Where(r => r.Outcome != ReachOutcome.Succeeded).Select(r => r.ToString()).ToList();
        Assert.That(results.Count(r => r.Outcome == ReachOutcome.Succeeded), Is.GreaterThanOrEqualTo(98), string.Join("\n", failures));
        Assert.That(results.Sum(r => r.Collisions), Is.Zero);
        TestContext.Out.WriteLine($"mean time to success {results.Where(r => r.TimeToSuccess is not null).Average(r => r.TimeToSuccess!.Value.TotalSeconds):F2} s");
    }

    [Test]
    public void SameStateGivesTheSameCommand()
    {
        var a = ScriptedExpert.ForPanda(SimFixture.Panda, SimFixture.Options.Task.Home);
        var b = ScriptedExpert.ForPanda(SimFixture.Panda, SimFixture.Options.Task.Home);
        var q = SimFixture.Options.Task.Home.Select(x => x + 0.03).ToArray();
        var goal = new Safety.Geometry.Vec3(0.5, 0.1, 0.2);
        var (qa, qb) = (new double[7], new double[7]);
        a.Compute(TimeSpan.FromSeconds(0.5), q, goal, qa);
        b.Compute(TimeSpan.FromSeconds(0.5), q, goal, qb);
        Assert.That(qa, Is.EqualTo(qb));
        Assert.That(qa.Any(v => Math.Abs(v) > 1e-6), Is.True);
    }

    [Test]
    public void OutputStaysWithinTheUrdfVelocityLimits()
    {
        var expert = ScriptedExpert.ForPanda(SimFixture.Panda, SimFixture.Options.Task.Home);
        var limits = Enumerable.Range(1, 7).Select(i => SimFixture.Panda.Joint($"panda_joint{i}").Limit!.Velocity).ToArray();
        var q = SimFixture.Options.Task.Home.ToArray();
        var qdot = new double[7];
        // A far goal and a late time push the feedback term hard.
        expert.Compute(TimeSpan.Zero, q, new Safety.Geometry.Vec3(0.5, 0.3, 0.12), qdot);
        expert.Compute(TimeSpan.FromSeconds(0.2), q, new Safety.Geometry.Vec3(0.65, -0.3, 0.45), qdot);
        for (var i = 0; i < 7; i++)
        {
            Assert.That(Math.Abs(qdot[i]), Is.LessThanOrEqualTo(limits[i] + 1e-9));
        }
    }
}

public class ScriptedExpertPerturbationTests
{
    [Test]
    public void RecoversFromPushesAndSensorPerturbations()
    {
        using var sim = SimFixture.Load();
        var expert = ScriptedExpert.ForPanda(SimFixture.Panda, SimFixture.Options.Task.Home);
        var options = new Perturbations.PerturbationOptions { Intrusion = false, PushMaxRadPerSec = 1.0 };
        var results = new List<EpisodeResult>();
        for (var i = 0; i < 30; i++)
        {
            var episode = sim.Task.Generate(21, i);
            sim.Reset(episode);
            var schedule = Perturbations.PerturbationSchedule.Generate(episode, sim.Tcp, options);
            results.Add(ExpertRollout.Run(sim, expert, episode, TimeSpan.FromMilliseconds(50), schedule));
        }

        Assert.That(results.Count(r => r.Outcome == ReachOutcome.Succeeded), Is.GreaterThanOrEqualTo(29), string.Join("\n", results));
    }

    [Test]
    public void ObstacleIntrusionIsReported()
    {
        using var sim = SimFixture.Load();
        var expert = ScriptedExpert.ForPanda(SimFixture.Panda, SimFixture.Options.Task.Home);
        var options = Perturbations.PerturbationOptions.None with { Intrusion = true };
        var results = new List<EpisodeResult>();
        for (var i = 0; i < 30; i++)
        {
            var episode = sim.Task.Generate(22, i);
            sim.Reset(episode);
            results.Add(ExpertRollout.Run(sim, expert, episode, TimeSpan.FromMilliseconds(50), Perturbations.PerturbationSchedule.Generate(episode, sim.Tcp, options)));
        }

        TestContext.Out.WriteLine($"intrusion: {results.Count(r => r.Outcome == ReachOutcome.Succeeded)}/30 succeeded, {results.Count(r => r.Collisions > 0)} with collisions, min clearance {results.Min(r => r.MinClearanceM):F3} m");
        Assert.That(results.Count(r => double.IsFinite(r.MinClearanceM)), Is.GreaterThan(0), "an intrusion into the path comes within the 0.3 m clearance band");
    }
}
