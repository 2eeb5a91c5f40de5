using System.CommandLine;
using System.Globalization;
using Apprentice.Learning.Dataset;
using Spectre.Console;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice dataset info &lt;bags…&gt;</c>: what training would see in the bags.</summary>
internal static class DatasetVerb
{
    public static Command Create()
    {
        var dataset = new Command("dataset", "Inspect demonstration datasets built from bags.");
        var shared = new LearningVerbOptions();
        var info = new Command("info", "Episodes, labels, samples at the control rate, skipped ticks and feature statistics.");
        shared.AddTo(info);
        info.SetAction(parse => LearningVerbOptions.Guard(() =>
        {
            var data = new DatasetBuilder(shared.Read(parse)).Build(parse.GetValue(shared.Bags)!);
            var episodes = new Table().AddColumns("bag", "episode", "task", "success", "samples", "duration (s)");
            foreach (var e in data.Episodes)
            {
                episodes.AddRow(
                    Markup.Escape(Path.GetFileName(e.BagPath.TrimEnd('/'))), e.Info.Index.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Info.Task),
                    e.Info.Success?.ToString() ?? "-", e.Count.ToString(CultureInfo.InvariantCulture),
                    ((e.TimesNs[^1] - e.TimesNs[0]) / 1e9).ToString("F2", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(episodes);
            var s = data.Skips;
            AnsiConsole.MarkupLineInterpolated(
                $"{data.Episodes.Count} episodes, {data.SampleCount} samples; skipped {s.NotUsable} ticks (inputs not usable), {s.NoAction} ticks (no action), {s.DiscardedEpisodes} discarded and {s.UnsuccessfulEpisodes} unsuccessful episodes");
            var features = new Table().AddColumns("feature", "mean", "std");
            var names = data.Layout.FeatureNames();
            for (var i = 0; i < names.Count; i++)
            {
                features.AddRow(names[i], data.Statistics.ObservationMean[i].ToString("F4", CultureInfo.InvariantCulture), data.Statistics.ObservationRawStd[i].ToString("F4", CultureInfo.InvariantCulture));
            }

            for (var j = 0; j < data.Layout.ActionCount; j++)
            {
                features.AddRow("action." + data.Layout.JointNames[j], data.Statistics.ActionMean[j].ToString("F4", CultureInfo.InvariantCulture), data.Statistics.ActionStd[j].ToString("F4", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(features);
            return 0;
        }));
        dataset.Subcommands.Add(info);
        return dataset;
    }
}
