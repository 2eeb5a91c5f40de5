using System.Text.Json;
using Apprentice.Nodes.Evaluation;

namespace Apprentice.Nodes.Tests.Evaluation;

public sealed class EvaluationReportTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDirectory() => _dir = Directory.CreateTempSubdirectory("apprentice-report-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Summary_counts_nominal_success_and_perturbed_recovery_separately()
    {
        EpisodeOutcome[] outcomes =
        [
            Episode("bc", 1, success: true, time: 2.0),
            Episode("bc", 2, success: false),
            Episode("bc", 3, success: true, time: 4.0) with { Collisions = 1, MinClearanceM = 0.02 },
            Episode("bc", 4, success: false) with { Perturbation = "push" },
            Episode("bc", 5, success: true, time: 5.0) with { Perturbation = "intrusion" },
        ];
        var s = MethodSummary.Of("bc", outcomes);
        Assert.Multiple(() =>
        {
            Assert.That(s.Episodes, Is.EqualTo(3));
            Assert.That(s.SuccessRate, Is.EqualTo(2.0 / 3).Within(1e-12));
            Assert.That(s.MedianTimeToSuccessSec, Is.EqualTo(2.0));
            Assert.That(s.PerturbedEpisodes, Is.EqualTo(2));
            Assert.That(s.RecoveryRate, Is.EqualTo(0.5));
            Assert.That(s.Collisions, Is.EqualTo(1));
            Assert.That(s.MinClearanceM, Is.EqualTo(0.02));
            Assert.That(s.SuccessCiLow, Is.LessThan(s.SuccessRate));
            Assert.That(s.SuccessCiHigh, Is.GreaterThan(s.SuccessRate));
        });
    }

    [Test]
    public void Wilson_interval_matches_the_closed_form()
    {
        // 45 of 50: p = 0.9, z = 1.96 → [0.786, 0.957] (standard tables).
        var (low, high) = MethodSummary.Wilson(45, 50);
        Assert.That(low, Is.EqualTo(0.786).Within(0.001));
        Assert.That(high, Is.EqualTo(0.957).Within(0.001));
        Assert.That(MethodSummary.Wilson(0, 0), Is.EqualTo((0.0, 1.0)));
    }

    [Test]
    public void Percentile_is_nearest_rank()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.That(MethodSummary.Percentile(sorted, 0.5), Is.EqualTo(5));
        Assert.That(MethodSummary.Percentile(sorted, 0.99), Is.EqualTo(10));
        Assert.That(MethodSummary.Percentile([], 0.5), Is.NaN);
    }

    [Test]
    public void Report_writes_markdown_json_and_non_empty_png_plots()
    {
        var outcomes = new List<EpisodeOutcome>();
        for (var seed = 0; seed < 10; seed++)
        {
            outcomes.Add(Episode("bc", seed, success: seed % 5 != 0, time: 2 + (seed * 0.1)));
            outcomes.Add(Episode("dagger", seed, success: true, time: 2));
        }

        var report = new EvaluationReport("Reach", outcomes, new Dictionary<string, long> { ["bc"] = 4000, ["dagger"] = 2500 });
        var paths = report.Write(_dir);

        Assert.That(paths.Select(Path.GetFileName), Is.EquivalentTo(new[] { "report.md", "results.json", "success.png", "latency.png", "clearance.png" }));
        foreach (var png in paths.Where(p => p.EndsWith(".png", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(png);
            Assert.That(bytes.Length, Is.GreaterThan(5000), png);
            Assert.That(bytes[1..4], Is.EqualTo("PNG"u8.ToArray()), png);
        }

        var markdown = File.ReadAllText(Path.Combine(_dir, "report.md"));
        Assert.That(markdown, Does.Contain("| bc | 10 | 80%"));
        Assert.That(markdown, Does.Contain("| dagger | 10 | 100%"));
        Assert.That(markdown, Does.Contain("| 2500 |"));
        Assert.That(markdown, Does.Contain("![success](success.png)"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "results.json")));
        Assert.That(json.RootElement.GetProperty("episodes").GetArrayLength(), Is.EqualTo(20));
        Assert.That(json.RootElement.GetProperty("summaries")[0].GetProperty("SuccessRate").GetDouble(), Is.EqualTo(0.8).Within(1e-12));
    }

    private static EpisodeOutcome Episode(string method, int seed, bool success, double? time = null) => new()
    {
        Method = method,
        Seed = seed,
        Success = success,
        TimeToSuccessSec = success ? time : null,
        Ticks = 100,
        SafetyActivationTicks = 3,
        MinClearanceM = 0.1 + (seed * 0.01),
        LatencyMs = [.. Enumerable.Range(0, 100).Select(i => 0.05 + (i % 7 * 0.01) + (seed * 0.001))],
        Clearance = [.. Enumerable.Range(0, 50).Select(i => (i * 0.05, 0.5 - (i * 0.005) + (seed * 0.01)))],
    };
}
