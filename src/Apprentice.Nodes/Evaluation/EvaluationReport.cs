using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Apprentice.Nodes.Evaluation;

/// <summary>
/// The evaluation's results: one summary per method, the raw episodes, and how many expert labels
/// each method's training used. Written as markdown + PNG plots + JSON by <see cref="Write"/>.
/// </summary>
public sealed class EvaluationReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Builds the report from every episode (grouped by <see cref="EpisodeOutcome.Method"/> in first-seen order).</summary>
    /// <param name="title">Report heading.</param>
    /// <param name="outcomes">All episodes.</param>
    /// <param name="expertLabels">Expert (observation, action) labels each method was trained on; may omit methods.</param>
    public EvaluationReport(string title, IReadOnlyList<EpisodeOutcome> outcomes, IReadOnlyDictionary<string, long>? expertLabels = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        Title = title;
        Outcomes = outcomes;
        ExpertLabels = expertLabels ?? new Dictionary<string, long>();
        Summaries = [.. outcomes.Select(o => o.Method).Distinct().Select(m => MethodSummary.Of(m, [.. outcomes.Where(o => o.Method == m)]))];
    }

    /// <summary>Report heading.</summary>
    public string Title { get; }

    /// <summary>All episodes.</summary>
    public IReadOnlyList<EpisodeOutcome> Outcomes { get; }

    /// <summary>One summary per method, in first-seen order.</summary>
    public IReadOnlyList<MethodSummary> Summaries { get; }

    /// <summary>Expert labels used to train each method.</summary>
    public IReadOnlyDictionary<string, long> ExpertLabels { get; }

    /// <summary>The results table in GitHub markdown.</summary>
    public string MarkdownTable()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| method | episodes | success (95 % CI) | median time to success | collisions | min clearance | safety activations | deadline misses | interventions | expert labels | recovery under perturbation | latency p50 / p99 |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in Summaries)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {s.Method} | {s.Episodes} | {Pct(s.SuccessRate, 0)} ({Pct(s.SuccessCiLow, 0)}–{Pct(s.SuccessCiHigh, 0)}) | {Fmt(s.MedianTimeToSuccessSec, "0.00")} s | {s.Collisions} | {Fmt(s.MinClearanceM, "0.000")} m | {Pct(s.SafetyActivationRate, 1)} | {Pct(s.DeadlineMissRate, 2)} | {Pct(s.InterventionRate, 1)} | ");
            sb.Append(ExpertLabels.TryGetValue(s.Method, out var labels) ? labels.ToString(CultureInfo.InvariantCulture) : "–");
            sb.Append(CultureInfo.InvariantCulture, $" | {(s.PerturbedEpisodes == 0 ? "–" : Pct(s.RecoveryRate, 0) + " of " + s.PerturbedEpisodes)} | {Fmt(s.LatencyP50Ms, "0.000")} / {Fmt(s.LatencyP99Ms, "0.000")} ms |");
            sb.AppendLine();
        }

        return sb.ToString();
    }

    /// <summary>
    /// Writes <c>report.md</c>, <c>results.json</c>, <c>success.png</c>, <c>latency.png</c> and
    /// <c>clearance.png</c> into <paramref name="directory"/> (created if needed).
    /// </summary>
    /// <returns>The paths written.</returns>
    public IReadOnlyList<string> Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        written.AddRange(ReportPlots.Write(this, directory));
        var md = Path.Combine(directory, "report.md");
        var sb = new StringBuilder();
        sb.AppendLine("# " + Title).AppendLine();
        sb.AppendLine(MarkdownTable());
        sb.AppendLine("Success counts episodes without perturbation; recovery is the success rate of the perturbed episodes.").AppendLine();
        foreach (var png in written)
        {
            sb.AppendLine("![" + Path.GetFileNameWithoutExtension(png) + "](" + Path.GetFileName(png) + ")").AppendLine();
        }

        File.WriteAllText(md, sb.ToString());
        var json = Path.Combine(directory, "results.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new
        {
            title = Title,
            summaries = Summaries,
            expert_labels = ExpertLabels,
            episodes = Outcomes.Select(o => new
            {
                o.Method, o.Seed, o.Success, o.TimeToSuccessSec, o.Collisions, o.MinClearanceM, o.SafetyActivationTicks,
                o.Ticks, o.DeadlineMisses, o.InterventionTicks, o.Perturbation,
            }),
        }, Json));
        written.Insert(0, json);
        written.Insert(0, md);
        return written;
    }

    private static string Pct(double fraction, int decimals) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%" : "–";

    private static string Fmt(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";
}
