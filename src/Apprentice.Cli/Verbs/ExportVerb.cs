using System.CommandLine;
using Apprentice.Learning.Dataset;
using Apprentice.Learning.LeRobot;
using Spectre.Console;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice export lerobot &lt;bags…&gt; &lt;out&gt;</c>: demonstrations as a LeRobotDataset v3.0.</summary>
internal static class ExportVerb
{
    public static Command Create()
    {
        var export = new Command("export", "Export demonstrations to other tools' dataset formats.");
        var shared = new LearningVerbOptions();
        var paths = new Argument<string[]>("bags-and-out") { Description = "Demonstration bags, then the output directory.", Arity = new ArgumentArity(2, 100_000) };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an existing output directory." };
        var robot = new Option<string>("--robot-type") { Description = "robot_type in meta/info.json.", DefaultValueFactory = _ => "panda" };
        var lerobot = new Command("lerobot", "Write a LeRobotDataset v3.0 (Parquet data and episode tables, tasks, info.json, stats.json) for training ACT or Diffusion Policy in LeRobot.");
        lerobot.Arguments.Add(paths);
        foreach (var o in new Option[] { shared.RateHz, shared.ActionTopic, shared.InterventionsOnly, shared.SuccessfulOnly, shared.NoGoal, overwrite, robot })
        {
            lerobot.Options.Add(o);
        }

        lerobot.SetAction(parse => LearningVerbOptions.Guard(() =>
        {
            var all = parse.GetValue(paths)!;
            var data = new DatasetBuilder(shared.Read(parse)).Build(all[..^1]);
            var result = LeRobotExporter.ExportAsync(data, all[^1], new LeRobotExportOptions { Overwrite = parse.GetValue(overwrite), RobotType = parse.GetValue(robot)! })
                .GetAwaiter().GetResult();
            AnsiConsole.MarkupLineInterpolated($"wrote LeRobotDataset v3.0 to [bold]{result.Directory}[/]: {result.Episodes} episodes, {result.Frames} frames, {result.Tasks} task(s)");
            return 0;
        }));
        export.Subcommands.Add(lerobot);
        return export;
    }
}
