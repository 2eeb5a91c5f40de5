using System.CommandLine;
using System.Globalization;
using System.Text.Json;
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
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        }

        return 0;
    }

    private static void Print(IReadOnlyList<BenchResult> results)
    {
        var table = new Table().AddColumns(
            "policy", "provider", "tick p50", "tick p99", "tick max", "bare p50", "bare p99", "bare max",
            "tick/bare p50", "bytes/tick", "period", "deadline misses", "non-Ok");
        foreach (var r in results)
        {
            table.AddRow(
                r.Scenario.ToString(), r.Provider, Us(r.Tick.P50), Us(r.Tick.P99), Us(r.Tick.Max),
                Us(r.Bare.P50), Us(r.Bare.P99), Us(r.Bare.Max),
                r.MedianRatio.ToString("F3", CultureInfo.InvariantCulture),
                r.BytesPerTick.ToString("F1", CultureInfo.InvariantCulture),
                Us(r.Period), r.DeadlineMissRate.ToString("P2", CultureInfo.InvariantCulture),
                r.NonOkTicks.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        foreach (var r in results.Where(r => r.FallbackReason is not null))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]CUDA unavailable for {r.Scenario}: {r.FallbackReason} (the CPU ran instead)[/]");
        }
    }

    private static string Us(TimeSpan t) => t.TotalMicroseconds.ToString("F1", CultureInfo.InvariantCulture) + " µs";
}
