using Apprentice.Learning.Dataset;
using Apprentice.Learning.Export;
using Apprentice.Learning.Training;
using Apprentice.Nodes.Pipeline;
using Apprentice.Sim;
using Apprentice.Testing;

namespace Apprentice.Nodes.Tests.Pipeline;

public sealed class PipelineTests
{
    [Test]
    public void CollectWritesOneLabelledSuccessfulEpisodePerReachEpisode()
    {
        var p = PipelineFixture.Get();
        Assert.That(p.Collected.Succeeded, Is.EqualTo(4));
        Assert.That(p.Dataset.Episodes, Has.Count.EqualTo(4));
        Assert.That(p.Dataset.Episodes.Select(e => e.Info.Task), Is.All.EqualTo("reach"));
        Assert.That(p.Dataset.Episodes.Select(e => e.Info.Success), Is.All.EqualTo(true));
        Assert.That(p.Dataset.SampleCount, Is.GreaterThan(4 * 10), "about 20 control ticks per second of demonstration");
    }

    [Test]
    public void LockstepRunsOfTheSameSeedAreIdentical()
    {
        var p = PipelineFixture.Get();
        var first = Run(p.TinyModel, seed: 21);
        var second = Run(p.TinyModel, seed: 21);
        var other = Run(p.TinyModel, seed: 22);
        Assert.That(first.Commands, Has.Count.GreaterThan(10));
        Assert.That(second.Commands, Is.EqualTo(first.Commands));
        Assert.That(second.Outcome with { LatencyMs = [] }, Is.EqualTo(first.Outcome with { LatencyMs = [] }).Using<Apprentice.Nodes.Evaluation.EpisodeOutcome>(Same));
        Assert.That(other.Commands, Is.Not.EqualTo(first.Commands), "another seed is another episode");
    }

    [Test]
    public void TheSameSeedTrainsTheSameModelBytesFromTheSameCollection()
    {
        var p = PipelineFixture.Get();
        var again = new DatasetBuilder().Build([DemoCollector.Collect(PipelineFixture.Setup, 4, seed: 11, Path.Combine(p.Root, "demos-again")).BagDirectory]);
        var first = PolicyExport.ToBytes(new BcTrainer(PipelineFixture.Trainer).Train(p.Dataset).Policy);
        var second = PolicyExport.ToBytes(new BcTrainer(PipelineFixture.Trainer).Train(again).Policy);
        var otherSeed = PolicyExport.ToBytes(new BcTrainer(PipelineFixture.Trainer with { Seed = 4 }).Train(again).Policy);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(otherSeed, Is.Not.EqualTo(first));
    }

    [Test]
    public void ASupervisedRoundRecordsInterventionsThatBecomeExpertLabels()
    {
        var p = PipelineFixture.Get();
        var bag = Path.Combine(p.Root, "dagger-" + Guid.NewGuid().ToString("N"));
        var options = PipelineFixture.Setup.Sim();
        long labels = 0;
        using (var sim = ReachSimulation.Load(options))
        using (var harness = new LockstepHarness(sim, ReachSetup.Expert(options), new LockstepOptions
        {
            Driver = Driver.PolicySupervised,
            Policy = PipelineFixture.Setup.Policy(p.TinyModel, blending: false),
            Recording = new Apprentice.Nodes.Recorder.RecorderOptions { OutputDirectory = bag, All = true },
        }, PipelineFixture.Setup.Registry(), Serilog.Core.Logger.None))
        {
            for (var i = 0; i < 2; i++)
            {
                var run = harness.RunEpisode(sim.Task.Generate(31, i), "dagger");
                Assert.That(run.Outcome.InterventionTicks, Is.GreaterThan(0), "the 5-epoch policy strays and the expert takes over");
                labels += run.ExpertLabels;
            }
        }

        var corrections = new DatasetBuilder(DatasetOptions.Default with { InterventionsOnly = true }).Build([bag]);
        var all = new DatasetBuilder().Build([bag]);
        Assert.That(corrections.SampleCount, Is.GreaterThan(0));
        Assert.That(corrections.SampleCount, Is.LessThan(all.SampleCount), "only the takeover ticks are labels");
        Assert.That(corrections.SampleCount, Is.InRange(labels / 2, labels * 2), "about one label per expert command");
    }

    private static LockstepRun Run(string model, int seed)
    {
        var options = PipelineFixture.Setup.Sim();
        using var sim = ReachSimulation.Load(options);
        using var harness = new LockstepHarness(sim, ReachSetup.Expert(options), new LockstepOptions { Policy = PipelineFixture.Setup.Policy(model, blending: true) }, null, Serilog.Core.Logger.None);
        return harness.RunEpisode(sim.Task.Generate(seed, 0), "bc+planner");
    }

    private static bool Same(Apprentice.Nodes.Evaluation.EpisodeOutcome a, Apprentice.Nodes.Evaluation.EpisodeOutcome b) =>
        a.Success == b.Success && a.TimeToSuccessSec == b.TimeToSuccessSec && a.Collisions == b.Collisions && a.MinClearanceM.Equals(b.MinClearanceM) &&
        a.SafetyActivationTicks == b.SafetyActivationTicks && a.Ticks == b.Ticks && a.InterventionTicks == b.InterventionTicks && a.Clearance.SequenceEqual(b.Clearance);
}
