using System.Globalization;
using Apprentice.Nodes.Evaluation;
using Apprentice.Ros.Msgs.Apprentice;
using Spectre.Console;

namespace Apprentice.Cli.Demo;

/// <summary>The demo's summary table and its report (markdown + PNG through <see cref="EvaluationReport"/>).</summary>
internal static class DemoSummary
{
    private static readonly (uint Code, string Name)[] Rules =
    [
        (SafetyEvent.CODE_NON_FINITE_COMMAND, "non-finite"), (SafetyEvent.CODE_STALE_INPUT, "stale input"),
        (SafetyEvent.CODE_STALE_COMMAND, "stale command"), (SafetyEvent.CODE_HEARTBEAT_LOST, "heartbeat"),
        (SafetyEvent.CODE_POSITION_LIMIT, "position limit"), (SafetyEvent.CODE_VELOCITY_LIMIT, "velocity limit"),
        (SafetyEvent.CODE_ACCELERATION_LIMIT, "acceleration limit"), (SafetyEvent.CODE_JERK_LIMIT, "jerk limit"),
        (SafetyEvent.CODE_WORKSPACE, "workspace"), (SafetyEvent.CODE_OBSTACLE_SLOWDOWN, "obstacle slowdown"),
        (SafetyEvent.CODE_OBSTACLE_STOP, "obstacle stop"), (SafetyEvent.CODE_SPEED_OVERRIDE, "speed override"),
        (SafetyEvent.CODE_APPROACH, "approach"),
    ];

    /// <summary>The episodes as evaluation outcomes (method = the model's file name).</summary>
    public static EvaluationReport Report(DemoOptions o, IReadOnlyList<DemoEpisode> episodes)
    {
        var method = o.Expert ? "expert" : Path.GetFileNameWithoutExtension(o.ModelPath);
        var outcomes = episodes.Select(e => new EpisodeOutcome
        {
            Method = method,
            Seed = e.Index,
            Success = e.Success,
            TimeToSuccessSec = e.Success ? e.TimeSec : null,
            Collisions = e.Collisions,
            MinClearanceM = e.MinClearanceM,
            SafetyActivationTicks = e.SafetyTicks,
            Ticks = e.Ticks,
            DeadlineMisses = e.DeadlineMisses,
            LatencyMs = e.LatencyMs,
        }).ToList();
        return new EvaluationReport($"apprentice demo: {method}, {episodes.Count} episodes of seed {o.Seed}", outcomes);
    }

    /// <summary>Writes the per-episode and the overall table to <paramref name="console"/>.</summary>
    public static void Print(IAnsiConsole console, IReadOnlyList<DemoEpisode> episodes, string bag, string report, TimeSpan wall)
    {
        var table = new Table().Title("episodes").AddColumn("episode").AddColumn("result").AddColumn(new TableColumn("time [[s]]").RightAligned())
            .AddColumn(new TableColumn("policy ticks").RightAligned()).AddColumn(new TableColumn("safety ticks").RightAligned()).AddColumn("bag episode");
        foreach (var e in episodes)
        {
            table.AddRow(
                e.Index.ToString(CultureInfo.InvariantCulture),
                e.Success ? "[green]success[/]" : "[red]failed[/]",
                e.TimeSec.ToString("F2", CultureInfo.InvariantCulture),
                e.Ticks.ToString(CultureInfo.InvariantCulture),
                e.SafetyTicks.ToString(CultureInfo.InvariantCulture),
                e.BagEpisode.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        var latencies = episodes.SelectMany(e => e.LatencyMs).Order().ToArray();
        var successes = episodes.Count(e => e.Success);
        var rules = episodes.Aggregate(0u, (m, e) => m | e.RulesActing);
        var summary = new Table().Title("summary").AddColumn("measure").AddColumn("value");
        summary.AddRow("success rate", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{successes}/{episodes.Count} ({100.0 * successes / Math.Max(1, episodes.Count):F0} %)")));
        summary.AddRow("policy latency p50 / p99", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{MethodSummary.Percentile(latencies, 0.5):F3} / {MethodSummary.Percentile(latencies, 0.99):F3} ms over {latencies.Length} ticks")));
        summary.AddRow("deadline misses", episodes.Sum(e => e.DeadlineMisses).ToString(CultureInfo.InvariantCulture));
        summary.AddRow("safety events", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{episodes.Sum(e => e.SafetyTicks)} ticks with a rule acting{(rules == 0 ? string.Empty : " (" + RuleNames(rules) + ")")}")));
        summary.AddRow("collisions", episodes.Sum(e => e.Collisions).ToString(CultureInfo.InvariantCulture));
        summary.AddRow("bag", Markup.Escape(bag));
        summary.AddRow("report", Markup.Escape(report));
        summary.AddRow("wall time", string.Create(CultureInfo.InvariantCulture, $"{wall.TotalSeconds:F1} s"));
        console.Write(summary);
    }

    /// <summary>Readable names of the SafetyEvent codes in <paramref name="mask"/>.</summary>
    public static string RuleNames(uint mask) => string.Join(", ", Rules.Where(r => (mask & r.Code) != 0).Select(r => r.Name));
}
