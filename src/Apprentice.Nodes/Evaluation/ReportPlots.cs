using ScottPlot;

namespace Apprentice.Nodes.Evaluation;

/// <summary>The report's PNG plots (ScottPlot, rendered on the CPU).</summary>
internal static class ReportPlots
{
    private const int Width = 800;
    private const int Height = 450;

    public static IReadOnlyList<string> Write(EvaluationReport report, string directory)
    {
        var paths = new List<string>
        {
            Success(report, Path.Combine(directory, "success.png")),
            Latency(report, Path.Combine(directory, "latency.png")),
        };
        if (report.Outcomes.Any(o => o.Clearance.Count > 0))
        {
            paths.Add(Clearance(report, Path.Combine(directory, "clearance.png")));
        }

        return paths;
    }

    private static string Success(EvaluationReport report, string path)
    {
        var plot = new Plot();
        var summaries = report.Summaries;
        var ticks = new Tick[summaries.Count];
        for (var i = 0; i < summaries.Count; i++)
        {
            var s = summaries[i];
            var bar = plot.Add.Bar(i, s.SuccessRate * 100);
            bar.Color = Palette(i);
            var range = plot.Add.Line(i, s.SuccessCiLow * 100, i, s.SuccessCiHigh * 100);
            range.Color = Colors.Black;
            range.LineWidth = 2;
            if (s.PerturbedEpisodes > 0)
            {
                var recovery = plot.Add.Marker(i + 0.25, s.RecoveryRate * 100, MarkerShape.FilledDiamond, 12);
                recovery.Color = Colors.DarkRed;
            }

            ticks[i] = new Tick(i, s.Method);
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.SetLimitsY(0, 105);
        plot.Title("Closed-loop success per method (bars: 95 % CI; diamonds: recovery under perturbation)");
        plot.YLabel("success [%]");
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static string Latency(EvaluationReport report, string path)
    {
        var plot = new Plot();
        var index = 0;
        foreach (var group in report.Outcomes.GroupBy(o => o.Method))
        {
            var values = group.SelectMany(o => o.LatencyMs).Where(double.IsFinite).ToArray();
            if (values.Length == 0)
            {
                index++;
                continue;
            }

            var histogram = ScottPlot.Statistics.Histogram.WithBinCount(40, values);
            var scatter = plot.Add.ScatterLine(histogram.Bins, [.. histogram.Counts.Select(c => (double)c)]);
            scatter.ConnectStyle = ConnectStyle.StepHorizontal;
            scatter.LegendText = group.Key;
            scatter.Color = Palette(index++);
        }

        plot.Title("Inference latency per control tick");
        plot.XLabel("latency [ms]");
        plot.YLabel("ticks");
        plot.ShowLegend();
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static string Clearance(EvaluationReport report, string path)
    {
        var plot = new Plot();
        var index = 0;
        foreach (var group in report.Outcomes.GroupBy(o => o.Method))
        {
            var episode = group.Where(o => o.Clearance.Count > 0).OrderBy(o => o.MinClearanceM).FirstOrDefault();
            if (episode is null)
            {
                index++;
                continue;
            }

            var line = plot.Add.Scatter(episode.Clearance.Select(c => c.TimeSec).ToArray(), episode.Clearance.Select(c => Math.Min(c.ClearanceM, 1.0)).ToArray());
            line.MarkerSize = 0;
            line.LegendText = group.Key + " (seed " + episode.Seed + ")";
            line.Color = Palette(index++);
        }

        plot.Title("Robot–obstacle clearance over time (closest episode of each method)");
        plot.XLabel("time [s]");
        plot.YLabel("clearance [m]");
        plot.ShowLegend();
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static Color Palette(int i) => new ScottPlot.Palettes.Category10().GetColor(i);
}
