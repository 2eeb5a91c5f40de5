using System.Globalization;
using ScottPlot;

namespace Apprentice.Nodes.Evaluation;

/// <summary>One point of a learning curve: expert labels used for training and the closed-loop success reached.</summary>
/// <param name="Labels">Expert (observation, action) labels in the training set.</param>
/// <param name="Success">Success rate in [0, 1].</param>
public readonly record struct CurvePoint(double Labels, double Success);

/// <summary>
/// Success against expert labels, one line per method (BC over growing demonstration sets, DAgger
/// over its rounds): the picture behind "DAgger needs fewer labels for the same success".
/// </summary>
public static class LearningCurvePlot
{
    /// <summary>
    /// Reads a curve CSV with a header naming a <c>labels</c> and a <c>success</c> column (as the
    /// reproduce script writes <c>bc_curve.csv</c> and <c>dagger_curve.csv</c>).
    /// </summary>
    /// <exception cref="FormatException">A column is missing or a value does not parse; the message names the file and line.</exception>
    public static IReadOnlyList<CurvePoint> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines.Length > 0 ? lines[0].Split(',') : [];
        var labels = Array.IndexOf(header, "labels");
        var success = Array.IndexOf(header, "success");
        if (labels < 0 || success < 0)
        {
            throw new FormatException(path + ": the header needs 'labels' and 'success' columns (got '" + (lines.Length > 0 ? lines[0] : string.Empty) + "').");
        }

        var points = new List<CurvePoint>();
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length <= Math.Max(labels, success)
                || !double.TryParse(cells[labels], NumberStyles.Float, CultureInfo.InvariantCulture, out var l)
                || !double.TryParse(cells[success], NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
            {
                throw new FormatException(path + ":" + (i + 1) + ": expected numbers in the labels and success columns.");
            }

            points.Add(new CurvePoint(l, s));
        }

        return points;
    }

    /// <summary>Writes the PNG (success [%] against labels, one marked line per series) to <paramref name="path"/>.</summary>
    public static string Write(IReadOnlyList<(string Name, IReadOnlyList<CurvePoint> Points)> series, string path, double? targetSuccess = 0.95)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < series.Count; i++)
        {
            var (name, points) = series[i];
            var ordered = points.OrderBy(p => p.Labels).ToArray();
            var line = plot.Add.Scatter(ordered.Select(p => p.Labels).ToArray(), ordered.Select(p => p.Success * 100).ToArray());
            line.LegendText = name;
            line.Color = palette.GetColor(i);
            line.MarkerSize = 7;
        }

        if (targetSuccess is { } target)
        {
            var goal = plot.Add.HorizontalLine(target * 100);
            goal.LinePattern = LinePattern.Dashed;
            goal.Color = Colors.Gray;
            goal.LegendText = (target * 100).ToString("0", CultureInfo.InvariantCulture) + " % target";
        }

        plot.Axes.SetLimitsY(0, 105);
        plot.Title("Closed-loop success against expert labels");
        plot.XLabel("expert labels in the training set [samples]");
        plot.YLabel("success [%]");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 800, 450);
        return path;
    }
}
