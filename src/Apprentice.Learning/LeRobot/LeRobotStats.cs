using System.Text.Json.Nodes;

namespace Apprentice.Learning.LeRobot;

/// <summary>LeRobot feature statistics (min, max, mean, std, count) for stats.json and the episode table.</summary>
internal static class LeRobotStats
{
    internal static JsonObject WithVideoStats(JsonObject stats, List<CameraVideo> videos)
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

    internal static readonly string[] ScalarKeys = ["timestamp", "frame_index", "episode_index", "index", "task_index"];

    internal static JsonObject Stats(List<LeRobotExporter.Frame> frames, List<LeRobotExporter.VectorFeature> features, IEnumerable<int> rows)
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
}
