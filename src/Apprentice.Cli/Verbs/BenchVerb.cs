using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Apprentice.Nodes.Bench;
using Serilog;
using Spectre.Console;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice bench control-loop</c>: tick latency against bare inference, side by side.</summary>
internal static class BenchVerb
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure Apprentice's hot paths (medians and ratios against a baseline run side by side).");
        bench.Subcommands.Add(ControlLoop());
        return bench;
    }

    private static Command ControlLoop()
    {
        var provider = new Option<string>("--provider")
        {
            Description = "Execution provider: cpu, or cuda (then CPU and CUDA run side by side).",
            DefaultValueFactory = _ => "cpu",
        };
        provider.AcceptOnlyFromAmong("cpu", "cuda");
        var ticks = new Option<int>("--ticks") { Description = "Measured ticks per scenario.", DefaultValueFactory = _ => 10_000 };
        var json = new Option<string?>("--json") { Description = "Also write the raw results as JSON to this file." };
        var command = new Command(
            "control-loop",
            "Full tick (snapshot → preprocess → inference → publish) vs a bare ONNX Runtime IOBinding run, " +
            "for an MLP policy at 500 Hz and a CNN policy at 30 Hz.")
        {
            provider, ticks, json,
        };
        command.SetAction(parse => Run(parse.GetValue(provider)!, parse.GetValue(ticks), parse.GetValue(json)));
        return command;
    }

    private static int Run(string provider, int ticks, string? jsonPath)
    {
        using var log = new LoggerConfiguration().MinimumLevel.Warning().WriteTo.Console().CreateLogger();
        var work = Directory.CreateTempSubdirectory("apprentice-bench-");
        var providers = provider == "cuda" ? new[] { "cpu", "cuda" } : ["cpu"];
        var results = new List<BenchResult>();
        try
        {
            foreach (var scenario in new[] { BenchScenario.Mlp, BenchScenario.Cnn })
            {
                foreach (var p in providers)
                {
                    AnsiConsole.MarkupLine($"[grey]running {scenario} on {p} ({ticks} ticks)…[/]");
                    results.Add(ControlLoopBench.Run(scenario, p, ticks, work.FullName, log, TimeProvider.System));
                }
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }

        Print(results);
        if (jsonPath is not null)
        {
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true, Converters = { new JsonStringEnumConverter() } }));
        }

        return 0;
    }

    private static void Print(IReadOnlyList<BenchResult> results)
    {
        // One column per run, one row per measure: stays readable in an 80-column terminal.
        var table = new Table().AddColumn("measure");
        foreach (var r in results)
        {
            table.AddColumn(new TableColumn($"{r.Scenario} / {r.Provider}").RightAligned());
        }

        Row(table, results, "tick p50", r => Us(r.Tick.P50));
        Row(table, results, "tick p99", r => Us(r.Tick.P99));
        Row(table, results, "tick max", r => Us(r.Tick.Max));
        Row(table, results, "bare ORT p50", r => Us(r.Bare.P50));
        Row(table, results, "bare ORT p99", r => Us(r.Bare.P99));
        Row(table, results, "bare ORT max", r => Us(r.Bare.Max));
        Row(table, results, "tick/bare at p50 (goal ≤ 1.10)", r => r.MedianRatio.ToString("F3", CultureInfo.InvariantCulture));
        Row(table, results, "bytes allocated per tick (goal 0)", r => r.BytesPerTick.ToString("F2", CultureInfo.InvariantCulture));
        Row(table, results, "budget (period)", r => Us(r.Period));
        Row(table, results, "deadline-miss rate", r => r.DeadlineMissRate.ToString("P3", CultureInfo.InvariantCulture));
        Row(table, results, "non-Ok outcomes", r => r.NonOkTicks.ToString(CultureInfo.InvariantCulture));
        foreach (var stage in results[0].StageMedians.Keys)
        {
            Row(table, results, "  stage " + stage.ToLowerInvariant() + " p50", r => Us(r.StageMedians[stage]));
        }

        AnsiConsole.Write(table);
        foreach (var r in results.Where(r => r.FallbackReason is not null))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]CUDA unavailable for {r.Scenario}: {r.FallbackReason} (the CPU ran instead)[/]");
        }
    }

    private static void Row(Table table, IReadOnlyList<BenchResult> results, string name, Func<BenchResult, string> cell) =>
        table.AddRow([name, .. results.Select(cell)]);

    private static string Us(TimeSpan t) => t.TotalMicroseconds.ToString("F1", CultureInfo.InvariantCulture) + " µs";
}
