using System.CommandLine;
using Apprentice.Learning.Training;
using Apprentice.Nodes.Pipeline;
using Spectre.Console;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice dagger --demos BAG --rounds N --episodes-per-round E --out DIR</c>: HG-DAgger with the scripted expert supervising.</summary>
internal static class DaggerVerb
{
    public static Command Create()
    {
        var demos = new Option<string[]>("--demos") { Description = "Demonstration bags.", Required = true, AllowMultipleArgumentsPerToken = true };
        var rounds = new Option<int>("--rounds") { Description = "DAgger rounds.", DefaultValueFactory = _ => 3 };
        var perRound = new Option<int>("--episodes-per-round") { Description = "Supervised episodes per round.", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed (episodes and training).", DefaultValueFactory = _ => 0 };
        var hidden = new Option<string>("--hidden") { Description = "Hidden layer widths.", DefaultValueFactory = _ => "256,256" };
        var epochs = new Option<int>("--epochs") { Description = "Largest number of epochs per training.", DefaultValueFactory = _ => BcTrainerOptions.Default.MaxEpochs };
        var divergence = new Option<double>("--gate-divergence") { Description = "Takeover when the policy's command differs from the expert's by more than this [rad/s].", DefaultValueFactory = _ => TakeoverGate.Default.DivergenceRadPerSec };
        var hold = new Option<int>("--gate-ticks") { Description = "Smallest takeover length [ticks].", DefaultValueFactory = _ => TakeoverGate.Default.MinTakeoverTicks };
        var output = new Option<string>("--out") { Description = "Output directory (round_R/bag, round_R/model.onnx).", Required = true };
        var command = new Command("dagger", "HG-DAgger on the reach task: the scripted expert watches the policy in the lockstep simulation, takes over when it diverges, and the corrections are aggregated and trained on, round by round.");
        foreach (var o in new Option[] { demos, rounds, perRound, seed, hidden, epochs, divergence, hold, output })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse => LearningVerbOptions.Guard(() =>
        {
            var setup = ReachSetup.FindFrom(Environment.CurrentDirectory);
            var trainer = new BcTrainerOptions { HiddenSizes = TrainVerb.ParseHidden(parse.GetValue(hidden)!), MaxEpochs = parse.GetValue(epochs), Seed = parse.GetValue(seed) };
            IReadOnlyList<DaggerRound> result = [];
            AnsiConsole.Status().Start("dagger", ctx =>
                result = DaggerLoop.Run(
                    setup, parse.GetValue(demos)!, parse.GetValue(rounds), parse.GetValue(perRound), parse.GetValue(seed), parse.GetValue(output)!, trainer,
                    TakeoverGate.Default with { DivergenceRadPerSec = parse.GetValue(divergence), MinTakeoverTicks = parse.GetValue(hold) }, new SyncProgress<string>(s => ctx.Status(s))));
            var table = new Table().AddColumns("round", "episodes", "solved", "intervention ticks", "labels added", "total labels", "time", "model");
            foreach (var r in result)
            {
                table.AddRow($"{r.Round}", $"{r.Episodes}", $"{r.Succeeded}", $"{r.InterventionTicks}", $"{r.LabelsAdded}", $"{r.TotalLabels}", $"{r.Elapsed.TotalSeconds:F0} s", Markup.Escape(r.ModelPath));
            }

            AnsiConsole.Write(table);
            File.WriteAllLines(Path.Combine(parse.GetValue(output)!, "rounds.csv"), [
                "round,episodes,solved,intervention_ticks,labels_added,total_labels,seconds,model",
                .. result.Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Round},{r.Episodes},{r.Succeeded},{r.InterventionTicks},{r.LabelsAdded},{r.TotalLabels},{r.Elapsed.TotalSeconds:F1},{r.ModelPath}"))]);
            return 0;
        }));
        return command;
    }
}
