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
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, LeRobotLayout.StatsFile), WithVideoStats(Stats(frames, features, Enumerable.Range(0, frames.Count)), videos).ToJsonString(Indented), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, LeRobotLayout.InfoFile), Info(dataset, features, videos, tasks.Count, frames.Count, options, (int)Math.Round(fps)).ToJsonString(Indented), cancellationToken).ConfigureAwait(false);
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

    private static JsonObject WithVideoStats(JsonObject stats, List<CameraVideo> videos)
    {
        foreach (var v in videos)
        {
            stats[v.Key] = new JsonObject
            {
                ["min"] = Channels(v.ChannelMin),
                ["max"] = Channels(v.ChannelMax),
                ["mean"] = Channels(v.ChannelMean),
                ["std"] = Channels(v.ChannelStd),
                ["count"] = new JsonArray(v.Frames),
            };
        }

        return stats;

        // LeRobot keeps image statistics per channel with shape (3, 1, 1).
        static JsonArray Channels(double[] values) => new([.. values.Select(x => (JsonNode?)new JsonArray(new JsonArray(x)))]);
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
        var perEpisode = Enumerable.Range(0, n).Select(e => Stats(frames, features, Enumerable.Range((int)from[e], (int)(to[e] - from[e])))).ToList();
        foreach (var key in features.Select(f => f.Key).Concat(ScalarKeys))
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

    private static readonly string[] ScalarKeys = ["timestamp", "frame_index", "episode_index", "index", "task_index"];

    private static JsonObject Stats(List<Frame> frames, List<VectorFeature> features, IEnumerable<int> rows)
    {
        var picked = rows.Select(r => frames[r]).ToList();
        var stats = new JsonObject();
        for (var k = 0; k < features.Count; k++)
        {
            var kk = k;
            stats[features[k].Key] = Moments(picked.Select(f => f.Vectors[kk].Select(v => (double)v).ToArray()).ToList(), features[k].Names.Count);
        }

        stats["timestamp"] = Moments([.. picked.Select(f => new double[] { f.Timestamp })], 1);
        stats["frame_index"] = Moments([.. picked.Select(f => new double[] { f.FrameIndex })], 1);
        stats["episode_index"] = Moments([.. picked.Select(f => new double[] { f.EpisodeIndex })], 1);
        stats["index"] = Moments([.. picked.Select(f => new double[] { f.Index })], 1);
        stats["task_index"] = Moments([.. picked.Select(f => new double[] { f.TaskIndex })], 1);
        return stats;
    }

    private static JsonObject Moments(List<double[]> rows, int width)
    {
        var min = Enumerable.Repeat(double.PositiveInfinity, width).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, width).ToArray();
        var sum = new double[width];
        foreach (var r in rows)
        {
            for (var j = 0; j < width; j++)
            {
                (min[j], max[j], sum[j]) = (Math.Min(min[j], r[j]), Math.Max(max[j], r[j]), sum[j] + r[j]);
            }
        }

        var mean = sum.Select(s => s / rows.Count).ToArray();
        var sq = new double[width];
        foreach (var r in rows)
        {
            for (var j = 0; j < width; j++)
            {
                sq[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
            }
        }

        return new JsonObject
        {
            ["min"] = Array(min),
            ["max"] = Array(max),
            ["mean"] = Array(mean),
            ["std"] = Array(sq.Select(s => Math.Sqrt(s / rows.Count))),
            ["count"] = new JsonArray((long)rows.Count),
        };

        static JsonArray Array(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
    }

    private static JsonObject Info(DemonstrationDataset dataset, List<VectorFeature> features, List<CameraVideo> videos, int taskCount, int frameCount, LeRobotExportOptions options, int fps)
    {
        var featureJson = new JsonObject();
        foreach (var f in features)
        {
            featureJson[f.Key] = new JsonObject
            {
                ["dtype"] = "float32",
                ["shape"] = new JsonArray(f.Names.Count),
                ["names"] = new JsonArray([.. f.Names.Select(n => (JsonNode?)JsonValue.Create(n))]),
            };
        }

        foreach (var v in videos)
        {
            featureJson[v.Key] = new JsonObject
            {
                ["dtype"] = "video",
                ["shape"] = new JsonArray(v.Height, v.Width, 3),
                ["names"] = new JsonArray("height", "width", "channels"),
                ["info"] = new JsonObject
                {
                    ["video.height"] = v.Height,
                    ["video.width"] = v.Width,
                    ["video.codec"] = "h264",
                    ["video.pix_fmt"] = "yuv420p",
                    ["video.is_depth_map"] = false,
                    ["video.fps"] = fps,
                    ["video.channels"] = 3,
                    ["has_audio"] = false,
                },
            };
        }

        featureJson["timestamp"] = Scalar("float32");
        foreach (var key in ScalarKeys.Skip(1))
        {
            featureJson[key] = Scalar("int64");
        }

        var episodes = dataset.Episodes.Count;
        return new JsonObject
        {
            ["codebase_version"] = LeRobotLayout.CodebaseVersion,
            ["robot_type"] = options.RobotType,
            ["total_episodes"] = episodes,
            ["total_frames"] = frameCount,
            ["total_tasks"] = taskCount,
            ["chunks_size"] = LeRobotLayout.ChunksSize,
            ["data_files_size_in_mb"] = LeRobotLayout.DataFilesSizeInMb,
            ["video_files_size_in_mb"] = LeRobotLayout.VideoFilesSizeInMb,
            ["fps"] = fps,
            ["splits"] = new JsonObject { ["train"] = string.Create(CultureInfo.InvariantCulture, $"0:{episodes}") },
            ["data_path"] = LeRobotLayout.DataPath,
            ["video_path"] = videos.Count > 0 ? LeRobotLayout.VideoPath : null,
            ["features"] = featureJson,
        };

        static JsonObject Scalar(string dtype) => new() { ["dtype"] = dtype, ["shape"] = new JsonArray(1), ["names"] = null };
    }

    // pandas stores a DataFrame index as a column plus this metadata; LeRobot reads tasks.parquet with
    // pandas and looks tasks up by the index, so the "task" column must come back as the index.
    private static Dictionary<string, string> PandasIndexMetadata() => new()
    {
        ["pandas"] = """{"index_columns": ["task"], "column_indexes": [], "columns": [{"name": "task_index", "field_name": "task_index", "pandas_type": "int64", "numpy_type": "int64", "metadata": null}, {"name": "task", "field_name": "task", "pandas_type": "unicode", "numpy_type": "object", "metadata": null}], "creator": {"library": "apprentice", "version": "1"}, "pandas_version": "2.2.0"}""",
    };
}
