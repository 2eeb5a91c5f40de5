using System.CommandLine;
using System.Globalization;
using System.Text;
using Apprentice.Learning.Dataset;
using Apprentice.Learning.Evaluation;
using Apprentice.Nodes.Evaluation;
using Apprentice.Nodes.Pipeline;
using Spectre.Console;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice eval</c>: closed-loop comparison of BC, BC + planner, DAgger (and the expert) in lockstep, plus open-loop error on held-out bags.</summary>
internal static class EvalVerb
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The BC policy (.onnx): evaluated as 'bc' (blending off) and 'bc+planner' (blending on).", Required = true };
        var dagger = new Option<string?>("--dagger-model") { Description = "The DAgger policy (.onnx), evaluated as 'dagger' (blending off)." };
        var anchor = new Option<string?>("--anchor") { Description = "Demonstration anchor (.apda) for bc+planner." };
        var expert = new Option<bool>("--expert") { Description = "Also run the scripted expert as a reference." };
        var episodes = new Option<int>("--episodes") { Description = "Nominal episodes per method.", DefaultValueFactory = _ => 50 };
        var perturbed = new Option<int>("--perturbed") { Description = "Perturbed episodes per method (push, dropout, delay, intrusion in turn).", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed of the first evaluation episode.", DefaultValueFactory = _ => 1000 };
        var heldOut = new Option<string[]>("--held-out") { Description = "Held-out demonstration bags for the open-loop per-joint error.", AllowMultipleArgumentsPerToken = true };
        var labels = new Option<string[]>("--labels") { Description = "Expert labels per method for the report, e.g. bc=12000 dagger=6000.", AllowMultipleArgumentsPerToken = true };
        var curves = new Option<string[]>("--curve") { Description = "Learning curves to plot as learning_curve.png, NAME=CSV with labels and success columns (e.g. BC=bc_curve.csv DAgger=dagger_curve.csv).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Report directory (report.md, results.json, PNGs).", Required = true };
        var command = new Command("eval", "Closed-loop evaluation of policies in the lockstep simulation (success, time, collisions, clearance, safety, deadlines, recovery under perturbations) and a report.");
        foreach (var o in new Option[] { model, dagger, anchor, expert, episodes, perturbed, seed, heldOut, labels, curves, output })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse => LearningVerbOptions.Guard(() =>
        {
            var setup = ReachSetup.FindFrom(Environment.CurrentDirectory);
            var bc = parse.GetValue(model)!;
            var methods = new List<EvalMethod> { new("bc", bc, false), new("bc+planner", bc, true, parse.GetValue(anchor)) };
            if (parse.GetValue(dagger) is { } d)
            {
                methods.Add(new EvalMethod("dagger", d, false));
            }

            if (parse.GetValue(expert))
            {
                methods.Add(new EvalMethod("expert", null, false));
            }

            var outcomes = Run(setup, methods, parse.GetValue(episodes), parse.GetValue(perturbed), parse.GetValue(seed));
            var report = new EvaluationReport("Reach: closed-loop evaluation", outcomes, ParseLabels(parse.GetValue(labels) ?? []));
            var outDir = parse.GetValue(output)!;
            report.Write(outDir);
            File.AppendAllText(Path.Combine(outDir, "report.md"), Breakdown(outcomes));
            if (parse.GetValue(curves) is { Length: > 0 } named)
            {
                LearningCurvePlot.Write([.. named.Select(ParseCurve)], Path.Combine(outDir, "learning_curve.png"));
                File.AppendAllText(Path.Combine(outDir, "report.md"), "\n## Success against expert labels\n\n![learning curve](learning_curve.png)\n");
            }

            if (parse.GetValue(heldOut) is { Length: > 0 } bags)
            {
                File.AppendAllText(Path.Combine(outDir, "report.md"), OpenLoop(methods, bags));
            }

            Console.WriteLine(report.MarkdownTable());
            Console.WriteLine($"eval: report in {outDir}");
            return 0;
        }));
        return command;
    }

    private static (string Name, IReadOnlyList<CurvePoint> Points) ParseCurve(string spec)
    {
        var eq = spec.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new ArgumentException("--curve takes NAME=CSV (got '" + spec + "').");
        }

        return (spec[..eq], LearningCurvePlot.ReadCsv(spec[(eq + 1)..]));
    }

    private static IReadOnlyList<EpisodeOutcome> Run(ReachSetup setup, List<EvalMethod> methods, int episodes, int perturbed, int seed)
    {
        IReadOnlyList<EpisodeOutcome> outcomes = [];
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn()).Start(ctx =>
        {
            var tasks = methods.ToDictionary(m => m.Name, m => ctx.AddTask(Markup.Escape(m.Name), maxValue: episodes + perturbed));
            outcomes = ClosedLoopEvaluator.Run(setup, methods, episodes, perturbed, seed, new SyncProgress<(string Method, int Done, int Total)>(p => tasks[p.Method].Value = p.Done));
        });
        return outcomes;
    }

    private static string OpenLoop(List<EvalMethod> methods, string[] bags)
    {
        var sb = new StringBuilder().AppendLine().AppendLine("## Open loop on held-out demonstrations").AppendLine();
        sb.AppendLine("Per-joint mean absolute action error [rad/s] against the expert's recorded commands.").AppendLine();
        foreach (var m in methods.Where(m => m.ModelPath is not null && m.Name != "bc+planner"))
        {
            var r = OpenLoopEvaluator.Evaluate(m.ModelPath!, bags, DatasetOptions.Default, Serilog.Core.Logger.None, TimeProvider.System);
            sb.Append(CultureInfo.InvariantCulture, $"* {m.Name}: MAE {string.Join(", ", r.Mae.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}; mean {r.MeanMae:F4}, RMSE {r.OverallRmse:F4} over {r.Samples} samples / {r.Episodes} episodes").AppendLine();
        }

        return sb.ToString();
    }

    private static string Breakdown(IReadOnlyList<EpisodeOutcome> outcomes)
    {
        var sb = new StringBuilder().AppendLine().AppendLine("## By episode kind").AppendLine();
        sb.AppendLine("Success and collisions per method on nominal episodes and per perturbation (the table's collisions count both).").AppendLine();
        sb.AppendLine("| method | kind | episodes | solved | collisions |").AppendLine("|---|---|---|---|---|");
        foreach (var g in outcomes.GroupBy(o => (o.Method, Kind: o.Perturbation ?? "nominal")))
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {g.Key.Method} | {g.Key.Kind} | {g.Count()} | {g.Count(o => o.Success)} | {g.Sum(o => o.Collisions)} |").AppendLine();
        }

        sb.AppendLine().AppendLine("Latency is the wall time of the policy node's whole tick on this machine (stage latencies read 0 under sim time); a deadline miss is a tick over 40 ms of wall time.");
        return sb.ToString();
    }

    private static Dictionary<string, long> ParseLabels(string[] items) =>
        items.Select(i => i.Split('=', 2)).ToDictionary(
            p => p[0],
            p => p.Length == 2 && long.TryParse(p[1], CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"--labels '{string.Join('=', p)}': expected method=count."));
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (no synchronisation context hop).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
