using System.Diagnostics;
using Apprentice.Learning.Dataset;
using Apprentice.Learning.Export;
using Apprentice.Learning.Training;
using Apprentice.Sim;
using Serilog;

namespace Apprentice.Nodes.Pipeline;

/// <summary>
/// HG-DAgger on the reach task: train on the demonstrations; then each round run the current policy in lockstep with
/// the scripted expert supervising (it takes over on /teleop/commands when the policy's command diverges), record it,
/// add the intervention-only samples (<see cref="DatasetOptions.InterventionsOnly"/>) to the aggregate and retrain.
/// Round r's episodes are <c>Generate(seed + 1000·r + i, 0)</c>.
/// </summary>
public static class DaggerLoop
{
    /// <summary>Runs <paramref name="rounds"/> rounds; writes <c>round_R/</c> (bag, model.onnx) under <paramref name="outDirectory"/>; returns one entry per round (round 0 first).</summary>
    public static IReadOnlyList<DaggerRound> Run(
        ReachSetup setup,
        IReadOnlyList<string> demoBags,
        int rounds,
        int episodesPerRound,
        int seed,
        string outDirectory,
        BcTrainerOptions trainer,
        TakeoverGate? gate = null,
        IProgress<string>? progress = null,
        ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentOutOfRangeException.ThrowIfNegative(rounds);
        log ??= Serilog.Core.Logger.None;
        Directory.CreateDirectory(outDirectory);
        var watch = Stopwatch.StartNew();
        var aggregate = new List<DemonstrationDataset> { new DatasetBuilder(DatasetOptions.Default with { SuccessfulOnly = true }).Build(demoBags) };
        var model = Train(aggregate, trainer, Path.Combine(outDirectory, "round_0", "model.onnx"), progress);
        var results = new List<DaggerRound> { new(0, 0, 0, 0, aggregate[0].SampleCount, aggregate[0].SampleCount, model, watch.Elapsed) };
        var options = setup.Sim();
        using var sim = ReachSimulation.Load(options);
        for (var r = 1; r <= rounds; r++)
        {
            watch.Restart();
            var bag = Path.Combine(outDirectory, $"round_{r}", "bag");
            var lockstep = new LockstepOptions
            {
                Driver = Driver.PolicySupervised,
                Policy = setup.Policy(model, blending: false),
                Gate = gate ?? TakeoverGate.Default,
                Recording = new Recorder.RecorderOptions { OutputDirectory = bag, All = true, ExcludeRegex = "^/(diagnostics|clock|rosout|parameter_events)$" },
                TaskLabel = "reach",
            };
            var (succeeded, interventions) = (0, 0L);
            using (var harness = new LockstepHarness(sim, ReachSetup.Expert(options), lockstep, setup.Registry(), log))
            {
                for (var i = 0; i < episodesPerRound; i++)
                {
                    var run = harness.RunEpisode(sim.Task.Generate(seed + (1000 * r) + i, 0), "dagger");
                    succeeded += run.Outcome.Success ? 1 : 0;
                    interventions += run.ExpertLabels;
                    progress?.Report($"round {r}: episode {i + 1}/{episodesPerRound}");
                }
            }

            var corrections = new DatasetBuilder(DatasetOptions.Default with { InterventionsOnly = true }).Build([bag]);
            aggregate.Add(corrections);
            model = Train(aggregate, trainer, Path.Combine(outDirectory, $"round_{r}", "model.onnx"), progress);
            results.Add(new DaggerRound(r, episodesPerRound, succeeded, interventions, corrections.SampleCount, aggregate.Sum(d => d.SampleCount), model, watch.Elapsed));
        }

        return results;
    }

    /// <summary>Trains on the merged datasets and saves the policy; returns its path.</summary>
    public static string Train(IReadOnlyList<DemonstrationDataset> datasets, BcTrainerOptions trainer, string modelPath, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        var merged = datasets.Count == 1 ? datasets[0] : DemonstrationDataset.Merge(datasets);
        var result = new BcTrainer(trainer).Train(merged, progress is null ? null : new Progress(p => progress.Report($"training: epoch {p.Epoch}/{p.MaxEpochs}")));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
        PolicyExport.Save(result.Policy, modelPath);
        return modelPath;
    }

    private sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
