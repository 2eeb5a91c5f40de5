using System.CommandLine;
using System.Globalization;
using Apprentice.Learning.Dataset;
using Apprentice.Learning.Export;
using Apprentice.Learning.Training;
using Spectre.Console;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice train &lt;bags…&gt; --out model.onnx</c>: behavioural cloning from demonstration bags to an ONNX policy.</summary>
internal static class TrainVerb
{
    public static Command Create()
    {
        var shared = new LearningVerbOptions();
        var output = new Option<string>("--out") { Description = "The ONNX policy to write.", Required = true };
        var anchor = new Option<string?>("--anchor") { Description = "Also write the safety planner's demonstration anchor (.apda) here." };
        var seed = new Option<int>("--seed") { Description = "Seed (same seed and bags give the same model bytes).", DefaultValueFactory = _ => 0 };
        var epochs = new Option<int>("--epochs") { Description = "Largest number of epochs.", DefaultValueFactory = _ => BcTrainerOptions.Default.MaxEpochs };
        var hidden = new Option<string>("--hidden") { Description = "Hidden layer widths, comma-separated.", DefaultValueFactory = _ => "256,256" };
        var valFraction = new Option<double>("--val-fraction") { Description = "Fraction of episodes held out for validation/early stopping.", DefaultValueFactory = _ => 0.2 };
        var patience = new Option<int>("--patience") { Description = "Epochs without validation improvement before stopping.", DefaultValueFactory = _ => BcTrainerOptions.Default.Patience };
        var batch = new Option<int>("--batch") { Description = "Minibatch size.", DefaultValueFactory = _ => BcTrainerOptions.Default.BatchSize };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => BcTrainerOptions.Default.LearningRate };
        var decay = new Option<double>("--weight-decay") { Description = "AdamW weight decay.", DefaultValueFactory = _ => 0.0 };
        var command = new Command("train", "Train a behavioural-cloning MLP policy from demonstration bags and export it to ONNX with its policy card.");
        shared.AddTo(command);
        foreach (var o in new Option[] { output, anchor, seed, epochs, hidden, valFraction, patience, batch, lr, decay })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse => LearningVerbOptions.Guard(() =>
        {
            var datasetOptions = shared.Read(parse);
            var trainer = new BcTrainerOptions
            {
                HiddenSizes = ParseHidden(parse.GetValue(hidden)!),
                MaxEpochs = parse.GetValue(epochs),
                Seed = parse.GetValue(seed),
                ValidationFraction = parse.GetValue(valFraction),
                Patience = parse.GetValue(patience),
                BatchSize = parse.GetValue(batch),
                LearningRate = parse.GetValue(lr),
                WeightDecay = parse.GetValue(decay),
            };
            var dataset = new DatasetBuilder(datasetOptions).Build(parse.GetValue(shared.Bags)!);
            AnsiConsole.MarkupLineInterpolated($"[grey]{dataset.Episodes.Count} episodes, {dataset.SampleCount} samples × {dataset.Layout.FeatureCount} features at {datasetOptions.ControlRateHz} Hz[/]");
            var result = Run(new BcTrainer(trainer, TimeProvider.System), dataset);
            var path = parse.GetValue(output)!;
            PolicyExport.Save(result.Policy, path, new PolicyExportOptions { DocString = "apprentice train " + string.Join(' ', parse.Tokens.Select(t => t.Value)) });
            if (parse.GetValue(anchor) is { } anchorPath)
            {
                File.WriteAllBytes(anchorPath, AnchorExport.ToBytes(dataset));
            }

            Summary(result, path, parse.GetValue(anchor));
            return 0;
        }));
        return command;
    }

    internal static int[] ParseHidden(string text)
    {
        try
        {
            return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"--hidden '{text}' is not a comma-separated list of widths (e.g. 256,256).", e);
        }
    }

    private static TrainingResult Run(BcTrainer trainer, DemonstrationDataset dataset)
    {
        TrainingResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("training");
                result = trainer.Train(dataset, new Reporter(p =>
                {
                    task.MaxValue = p.MaxEpochs;
                    task.Value = p.Epoch;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch} train {p.TrainLoss:F4} val {p.ValidationLoss?.ToString("F4", CultureInfo.InvariantCulture) ?? "-"}");
                }));
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private static void Summary(TrainingResult r, string model, string? anchor)
    {
        var table = new Table().AddColumn("").AddColumn("");
        table.AddRow("epochs run", $"{r.History.Count}{(r.StoppedEarly ? " (early stop)" : "")}");
        table.AddRow("best epoch", r.BestEpoch.ToString(CultureInfo.InvariantCulture));
        table.AddRow("train loss (last)", r.History[^1].TrainLoss.ToString("F5", CultureInfo.InvariantCulture));
        table.AddRow("best validation loss", r.BestValidationLoss?.ToString("F5", CultureInfo.InvariantCulture) ?? "-");
        table.AddRow("episodes train / val", $"{r.TrainEpisodes.Count} / {r.ValidationEpisodes.Count}");
        table.AddRow("samples train / val", $"{r.TrainSamples} / {r.ValidationSamples}");
        table.AddRow("time", $"{r.Elapsed.TotalSeconds:F1} s");
        table.AddRow("model", Markup.Escape(model));
        if (anchor is not null)
        {
            table.AddRow("anchor", Markup.Escape(anchor));
        }

        AnsiConsole.Write(table);
    }

    private sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
