using System.CommandLine;
using Apprentice.Nodes.Pipeline;
using Spectre.Console;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice collect --episodes N --seed S --out DIR</c>: scripted-expert demonstrations recorded in lockstep.</summary>
internal static class CollectVerb
{
    public static Command Create()
    {
        var episodes = new Option<int>("--episodes") { Description = "Reach episodes to demonstrate.", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "Run seed (episode i is Generate(seed, i)).", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out") { Description = "The MCAP bag directory to write (must not exist or be empty).", Required = true };
        var command = new Command("collect", "Record scripted-expert demonstrations of the reach task (sim, expert and recorder nodes in lockstep) into an MCAP bag, one labelled episode per reach episode.");
        command.Options.Add(episodes);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.SetAction(parse => LearningVerbOptions.Guard(() =>
        {
            var n = parse.GetValue(episodes);
            var setup = ReachSetup.FindFrom(Environment.CurrentDirectory);
            CollectResult? result = null;
            AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn()).Start(ctx =>
            {
                var task = ctx.AddTask("demonstrations", maxValue: n);
                result = DemoCollector.Collect(setup, n, parse.GetValue(seed), parse.GetValue(output)!, new Progress<int>(i => task.Value = i));
                task.Value = n;
            });
            Console.WriteLine($"collect: {result!.Succeeded}/{result.Episodes} episodes solved, bag {result.BagDirectory}, {result.Elapsed.TotalSeconds:F1} s");
            return 0;
        }));
        return command;
    }
}
