using Apprentice.Learning.Dataset;
using Apprentice.Learning.Evaluation;
using Apprentice.Learning.Export;
using Apprentice.Learning.Tests.Support;
using Apprentice.Learning.Training;

namespace Apprentice.Learning.Tests.Training;

public class BcTrainerTests
{
    [Test]
    public void Behavioural_cloning_recovers_the_linear_expert_on_held_out_episodes()
    {
        var policy = Trained.Result.Policy;

        var report = OpenLoopEvaluator.Evaluate(policy.Predict, Trained.HeldOut);

        TestContext.Out.WriteLine(string.Join(" ", Trained.Result.History.Select(h => $"{h.TrainLoss:F4}/{h.ValidationLoss:F4}")));
        TestContext.Out.WriteLine($"RMSE per joint {string.Join(" ", report.Rmse.Select(r => r.ToString("F4")))}; expert std {string.Join(" ", report.ExpertStd.Select(r => r.ToString("F3")))}; best epoch {Trained.Result.BestEpoch}");
        for (var j = 0; j < 7; j++)
        {
            Assert.That(report.Rmse[j], Is.LessThan(0.15 * report.ExpertStd[j]), $"joint {j}");
        }

        Assert.That(report.Samples, Is.EqualTo(10 * 20));
    }

    [Test]
    public void Validation_episodes_are_disjoint_from_training_episodes_and_cover_the_dataset()
    {
        var r = Trained.Result;

        Assert.That(r.TrainEpisodes.Intersect(r.ValidationEpisodes), Is.Empty);
        Assert.That(r.TrainEpisodes.Concat(r.ValidationEpisodes).Order(), Is.EqualTo(Enumerable.Range(0, 200)));
        Assert.That(r.ValidationEpisodes, Has.Count.EqualTo(40));
        Assert.That(r.ValidationSamples, Is.EqualTo(40 * 20));
    }

    [Test]
    public void The_kept_weights_are_those_of_the_best_validation_epoch()
    {
        var r = Trained.Result;
        var best = r.History.MinBy(h => h.ValidationLoss!.Value)!;

        Assert.That(r.BestEpoch, Is.EqualTo(best.Epoch));
        Assert.That(r.BestValidationLoss, Is.EqualTo(best.ValidationLoss));
        Assert.That(r.History[^1].BestValidationLoss, Is.EqualTo(best.ValidationLoss));
        Assert.That(r.History.Select(h => h.Epoch), Is.EqualTo(Enumerable.Range(1, r.History.Count)));
        Assert.That(r.StoppedEarly, Is.EqualTo(r.History.Count < Trained.Options.MaxEpochs));
    }

    [Test]
    public void Early_stopping_ends_training_after_patience_epochs_without_improvement()
    {
        var data = new DatasetBuilder().Build([SyntheticDemos.Write(new DemoSpec { Episodes = 4, Seed = 8 })]);
        var options = Trained.Options with { HiddenSizes = [8], MaxEpochs = 400, Patience = 2, LearningRate = 0.05 };

        var r = new BcTrainer(options).Train(data);

        Assert.That(r.StoppedEarly, Is.True);
        Assert.That(r.History, Has.Count.EqualTo(r.BestEpoch + 2));
    }

    [Test]
    public void Progress_is_reported_once_per_epoch()
    {
        var data = new DatasetBuilder().Build([SyntheticDemos.Write(new DemoSpec { Episodes = 3, Seed = 4 })]);
        var reports = new List<TrainingProgress>();

        var r = new BcTrainer(Trained.Options with { MaxEpochs = 3, HiddenSizes = [16] }).Train(data, new SyncProgress(reports.Add));

        Assert.That(reports.Select(p => p.Epoch), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(reports, Is.EqualTo(r.History));
        Assert.That(reports.Select(p => p.TrainLoss), Is.All.GreaterThan(0));
    }

    [Test]
    public void Same_seed_gives_the_same_model_bytes_whatever_the_thread_count_and_another_seed_differs()
    {
        var data = new DatasetBuilder().Build([SyntheticDemos.Write(new DemoSpec { Episodes = 5, Seed = 6 })]);
        var options = Trained.Options with { MaxEpochs = 4, HiddenSizes = [32, 32] };

        var a = PolicyExport.ToBytes(new BcTrainer(options with { MaxThreads = 1 }).Train(data).Policy);
        var b = PolicyExport.ToBytes(new BcTrainer(options with { MaxThreads = 4 }).Train(data).Policy);
        var c = PolicyExport.ToBytes(new BcTrainer(options with { Seed = options.Seed + 1 }).Train(data).Policy);

        Assert.That(b, Is.EqualTo(a));
        Assert.That(c, Is.Not.EqualTo(a));
    }

    [Test]
    public void The_episode_split_is_seeded()
    {
        var (t1, v1) = BcTrainer.Split(20, 0.25, 1);
        var (t2, v2) = BcTrainer.Split(20, 0.25, 1);
        var (_, v3) = BcTrainer.Split(20, 0.25, 2);

        Assert.That((t2, v2), Is.EqualTo((t1, v1)));
        Assert.That(v1, Has.Length.EqualTo(5));
        Assert.That(v3, Is.Not.EqualTo(v1));
        Assert.That(BcTrainer.Split(1, 0.5, 1).Validation, Is.Empty);
        Assert.That(BcTrainer.Split(2, 0.9, 1).Train, Has.Length.EqualTo(1));
    }

    [Test]
    public void Bad_options_are_refused_with_the_field_named()
    {
        Assert.That(() => new BcTrainer(new BcTrainerOptions { HiddenSizes = [0] }), Throws.ArgumentException.With.Message.Contains("hidden"));
        Assert.That(() => new BcTrainer(new BcTrainerOptions { ValidationFraction = 1 }), Throws.ArgumentException.With.Message.Contains("validation"));
    }

    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
