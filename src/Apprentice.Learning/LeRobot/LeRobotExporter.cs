using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apprentice.Learning.Dataset;

namespace Apprentice.Learning.LeRobot;

/// <summary>
/// Writes a <see cref="DemonstrationDataset"/> as a LeRobotDataset v3.0 directory: one data file
/// (<c>observation.state</c> = joint positions and velocities, <c>observation.environment_state</c> =
/// goal and scan bins when present, <c>action</c>, <c>timestamp</c>, <c>frame_index</c>,
/// <c>episode_index</c>, <c>index</c>, <c>task_index</c>), the episode table with row offsets and
/// per-episode statistics, the task table, <c>info.json</c> and <c>stats.json</c>.
/// </summary>
public static class LeRobotExporter
{
    /// <summary>Exports <paramref name="dataset"/> into <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="IOException">The directory exists and <see cref="LeRobotExportOptions.Overwrite"/> is off.</exception>
    /// <exception cref="ArgumentException">The control rate is not a whole number of Hz (LeRobot's fps is an integer).</exception>
    public static async Task<LeRobotExportResult> ExportAsync(
        DemonstrationDataset dataset, string outputDirectory, LeRobotExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        options ??= LeRobotExportOptions.Default;
        var fps = dataset.Options.ControlRateHz;
        if (Math.Abs(fps - Math.Round(fps)) > 1e-9)
        {
            throw new ArgumentException($"LeRobot needs an integer fps; the control rate is {fps} Hz.", nameof(dataset));
        }

        Prepare(outputDirectory, options.Overwrite);
        var features = Features(dataset);
        var tasks = dataset.Episodes.Select(e => TaskOf(e, options)).Distinct(StringComparer.Ordinal).ToList();
        var frames = Frames(dataset, features, tasks, options, (int)Math.Round(fps));
        var videos = new List<CameraVideo>();
        foreach (var topic in CameraTopicsIn(dataset, options))
        {
            var key = CameraVideoWriter.KeyFor(topic);
            var path = Path.Combine(outputDirectory, LeRobotLayout.VideoPath.Replace("{video_key}", key, StringComparison.Ordinal)
                .Replace("{chunk_index:03d}", "000", StringComparison.Ordinal).Replace("{file_index:03d}", "000", StringComparison.Ordinal));
            videos.Add(await CameraVideoWriter.WriteAsync(dataset.Episodes, topic, path, (int)Math.Round(fps), cancellationToken).ConfigureAwait(false));
        }

        await DataTable(frames, features).WriteAsync(Path.Combine(outputDirectory, LeRobotLayout.FirstDataFile), cancellationToken: cancellationToken).ConfigureAwait(false);
        await EpisodesTable(dataset, frames, features, videos, options, (int)Math.Round(fps)).WriteAsync(Path.Combine(outputDirectory, LeRobotLayout.FirstEpisodesFile), cancellationToken: cancellationToken).ConfigureAwait(false);
        await new ParquetTable(tasks.Count)
            .String("task", [.. tasks])
            .Int64("task_index", [.. Enumerable.Range(0, tasks.Count).Select(i => (long)i)])
            .WriteAsync(Path.Combine(outputDirectory, LeRobotLayout.TasksFile), PandasIndexMetadata(), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, LeRobotLayout.StatsFile), LeRobotStats.WithVideoStats(LeRobotStats.Stats(frames, features, Enumerable.Range(0, frames.Count)), videos).ToJsonString(Indented), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, LeRobotLayout.InfoFile), LeRobotInfo.Info(dataset, features, videos, tasks.Count, frames.Count, options, (int)Math.Round(fps)).ToJsonString(Indented), cancellationToken).ConfigureAwait(false);
        return new LeRobotExportResult(outputDirectory, dataset.Episodes.Count, frames.Count, tasks.Count, [.. videos.Select(v => v.Key)]);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string TaskOf(EpisodeSamples e, LeRobotExportOptions o) => e.Info.Task.Length > 0 ? e.Info.Task : o.DefaultTask;

    private static void Prepare(string dir, bool overwrite)
    {
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
        {
            if (!overwrite)
            {
                throw new IOException($"'{dir}' exists and is not empty; choose a new directory or allow overwriting.");
            }

            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(dir, "meta"));
    }

    /// <summary>One vector feature: which observation features (or the action) it takes.</summary>
    internal sealed record VectorFeature(string Key, IReadOnlyList<string> Names, Func<EpisodeSamples, int, float[]> Read);

    internal static List<VectorFeature> Features(DemonstrationDataset dataset)
    {
        var layout = dataset.Layout;
        var names = layout.FeatureNames();
        var list = new List<VectorFeature>();
        Add("observation.state", layout.Inputs.Where(s => s.Name is "joint_pos" or "joint_vel"));
        Add("observation.environment_state", layout.Inputs.Where(s => s.Name is not ("joint_pos" or "joint_vel")));
        list.Add(new VectorFeature("action", [.. layout.JointNames], (e, i) => e.Action(i).ToArray()));
        return list;

        void Add(string key, IEnumerable<FeatureSlice> slices)
        {
            var picked = slices.ToList();
            if (picked.Count == 0)
            {
                return;
            }

            var index = picked.SelectMany(s => Enumerable.Range(s.Offset, s.Length)).ToArray();
            list.Add(new VectorFeature(key, [.. index.Select(i => names[i])], (e, i) => [.. index.Select(k => e.Observations[(i * e.FeatureCount) + k])]));
        }
    }

    internal sealed record Frame(float[][] Vectors, float Timestamp, long FrameIndex, long EpisodeIndex, long Index, long TaskIndex);

    private static List<Frame> Frames(DemonstrationDataset dataset, List<VectorFeature> features, List<string> tasks, LeRobotExportOptions options, int fps)
    {
        var frames = new List<Frame>();
        for (var e = 0; e < dataset.Episodes.Count; e++)
        {
            var ep = dataset.Episodes[e];
            var task = tasks.IndexOf(TaskOf(ep, options));
            for (var i = 0; i < ep.Count; i++)
            {
                frames.Add(new Frame([.. features.Select(f => f.Read(ep, i))], (float)i / fps, i, e, frames.Count, task));
            }
        }

        return frames;
    }

    private static ParquetTable DataTable(List<Frame> frames, List<VectorFeature> features)
    {
        var t = new ParquetTable(frames.Count);
        for (var k = 0; k < features.Count; k++)
        {
            var kk = k;
            t.List<float>(features[k].Key, [.. frames.Select(f => f.Vectors[kk])]);
        }

        return t.Float32("timestamp", [.. frames.Select(f => f.Timestamp)])
            .Int64("frame_index", [.. frames.Select(f => f.FrameIndex)])
            .Int64("episode_index", [.. frames.Select(f => f.EpisodeIndex)])
            .Int64("index", [.. frames.Select(f => f.Index)])
            .Int64("task_index", [.. frames.Select(f => f.TaskIndex)]);
    }

    private static IEnumerable<string> CameraTopicsIn(DemonstrationDataset dataset, LeRobotExportOptions options)
    {
        var bags = dataset.Episodes.Select(e => e.BagPath).Distinct(StringComparer.Ordinal).ToList();
        foreach (var topic in options.CameraTopics)
        {
            if (bags.All(b => HasImages(b, topic)))
            {
                yield return topic;
            }
        }

        static bool HasImages(string bag, string topic)
        {
            using var reader = Apprentice.Bag.Bags.BagReader.Open(bag);
            return reader.Topics.Any(t => t.Name == topic && t.Type == Apprentice.Ros.Msgs.SensorMsgs.Image.RosTypeName);
        }
    }

    private static ParquetTable EpisodesTable(DemonstrationDataset dataset, List<Frame> frames, List<VectorFeature> features, List<CameraVideo> videos, LeRobotExportOptions options, int fps)
    {
        var n = dataset.Episodes.Count;
        var from = new long[n];
        var to = new long[n];
        long offset = 0;
        for (var e = 0; e < n; e++)
        {
            from[e] = offset;
            offset += dataset.Episodes[e].Count;
            to[e] = offset;
        }

        var zeros = new long[n];
        var t = new ParquetTable(n)
            .Int64("episode_index", [.. Enumerable.Range(0, n).Select(i => (long)i)])
            .StringList("tasks", [.. dataset.Episodes.Select(e => new[] { TaskOf(e, options) })])
            .Int64("length", [.. dataset.Episodes.Select(e => (long)e.Count)])
            .Int64("data/chunk_index", zeros)
            .Int64("data/file_index", zeros)
            .Int64("dataset_from_index", from)
            .Int64("dataset_to_index", to);
        foreach (var v in videos)
        {
            t.Int64($"videos/{v.Key}/chunk_index", zeros)
                .Int64($"videos/{v.Key}/file_index", zeros)
                .Float64($"videos/{v.Key}/from_timestamp", [.. from.Select(f => (double)f / fps)])
                .Float64($"videos/{v.Key}/to_timestamp", [.. to.Select(x => (double)x / fps)]);
        }
        var perEpisode = Enumerable.Range(0, n).Select(e => LeRobotStats.Stats(frames, features, Enumerable.Range((int)from[e], (int)(to[e] - from[e])))).ToList();
        foreach (var key in features.Select(f => f.Key).Concat(LeRobotStats.ScalarKeys))
        {
            foreach (var stat in LeRobotLayout.StatNames)
            {
                var column = $"stats/{key}/{stat}";
                if (stat == "count")
                {
                    t.List<long>(column, [.. perEpisode.Select(s => s[key]![stat]!.AsArray().Select(v => v!.GetValue<long>()).ToArray())]);
                }
                else
                {
                    t.List<double>(column, [.. perEpisode.Select(s => s[key]![stat]!.AsArray().Select(v => v!.GetValue<double>()).ToArray())]);
                }
            }
        }

        return t.Int64("meta/episodes/chunk_index", zeros).Int64("meta/episodes/file_index", zeros);
    }

    // pandas stores a DataFrame index as a column plus this metadata; LeRobot reads tasks.parquet with
    // pandas and looks tasks up by the index, so the "task" column must come back as the index.
    private static Dictionary<string, string> PandasIndexMetadata() => new()
    {
        ["pandas"] = """{"index_columns": ["task"], "column_indexes": [], "columns": [{"name": "task_index", "field_name": "task_index", "pandas_type": "int64", "numpy_type": "int64", "metadata": null}, {"name": "task", "field_name": "task", "pandas_type": "unicode", "numpy_type": "object", "metadata": null}], "creator": {"library": "apprentice", "version": "1"}, "pandas_version": "2.2.0"}""",
    };
}
