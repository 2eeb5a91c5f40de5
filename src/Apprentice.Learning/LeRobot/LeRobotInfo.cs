using System.Globalization;
using System.Text.Json.Nodes;
using Apprentice.Learning.Dataset;

namespace Apprentice.Learning.LeRobot;

/// <summary>meta/info.json of the LeRobotDataset v3.0 export (fields as lerobot's create_empty_dataset_info writes them).</summary>
internal static class LeRobotInfo
{
    internal static JsonObject Info(DemonstrationDataset dataset, List<LeRobotExporter.VectorFeature> features, List<CameraVideo> videos, int taskCount, int frameCount, LeRobotExportOptions options, int fps)
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
        foreach (var key in LeRobotStats.ScalarKeys.Skip(1))
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
}
