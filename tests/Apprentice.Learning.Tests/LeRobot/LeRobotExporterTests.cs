using System.Text.Json;
using Apprentice.Learning.Dataset;
using Apprentice.Learning.LeRobot;
using Apprentice.Learning.Tests.Support;

namespace Apprentice.Learning.Tests.LeRobot;

public class LeRobotExporterTests
{
    private static async Task<(DemonstrationDataset Data, string Dir)> ExportAsync()
    {
        var bag = SyntheticDemos.Write(new DemoSpec { Episodes = 4, Discard = new HashSet<int> { 2 }, Seed = 12 });
        var data = new DatasetBuilder().Build([bag]);
        var dir = SyntheticDemos.TempDir("lerobot");
        var result = await LeRobotExporter.ExportAsync(data, dir);
        Assert.That(result.Episodes, Is.EqualTo(3));
        Assert.That(result.Frames, Is.EqualTo(120));
        return (data, dir);
    }

    [Test]
    public async Task Info_json_has_the_v3_fields_and_feature_schema()
    {
        var (data, dir) = await ExportAsync();

        using var info = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "meta/info.json")));
        var root = info.RootElement;

        Assert.That(root.GetProperty("codebase_version").GetString(), Is.EqualTo("v3.0"));
        Assert.That(root.GetProperty("fps").GetInt32(), Is.EqualTo(20));
        Assert.That(root.GetProperty("total_episodes").GetInt32(), Is.EqualTo(3));
        Assert.That(root.GetProperty("total_frames").GetInt32(), Is.EqualTo(120));
        Assert.That(root.GetProperty("total_tasks").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("chunks_size").GetInt32(), Is.EqualTo(1000));
        Assert.That(root.GetProperty("splits").GetProperty("train").GetString(), Is.EqualTo("0:3"));
        Assert.That(root.GetProperty("data_path").GetString(), Is.EqualTo("data/chunk-{chunk_index:03d}/file-{file_index:03d}.parquet"));
        Assert.That(root.GetProperty("video_path").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var features = root.GetProperty("features");
        Assert.That(features.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
        {
            "observation.state", "observation.environment_state", "action", "timestamp", "frame_index", "episode_index", "index", "task_index",
        }));
        Assert.That(features.GetProperty("observation.state").GetProperty("shape")[0].GetInt32(), Is.EqualTo(14));
        Assert.That(features.GetProperty("observation.state").GetProperty("dtype").GetString(), Is.EqualTo("float32"));
        Assert.That(features.GetProperty("action").GetProperty("names").EnumerateArray().Select(n => n.GetString()), Is.EqualTo(data.Layout.JointNames));
        Assert.That(features.GetProperty("observation.environment_state").GetProperty("names").EnumerateArray().Select(n => n.GetString()), Is.EqualTo(new[] { "goal.x", "goal.y", "goal.z" }));
        Assert.That(features.GetProperty("index").GetProperty("dtype").GetString(), Is.EqualTo("int64"));
        Assert.That(features.GetProperty("timestamp").GetProperty("shape")[0].GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_data_file_holds_every_frame_with_the_documented_columns()
    {
        var (data, dir) = await ExportAsync();

        var table = await ParquetRead.OpenAsync(Path.Combine(dir, "data/chunk-000/file-000.parquet"));

        Assert.That(table.Columns, Is.EqualTo(new[] { "observation.state", "observation.environment_state", "action", "timestamp", "frame_index", "episode_index", "index", "task_index" }));
        Assert.That(table.Rows, Is.EqualTo(120));
        Assert.That(table.Get<long[]>("index"), Is.EqualTo(Enumerable.Range(0, 120).Select(i => (long)i)));
        Assert.That(table.Get<long[]>("episode_index"), Is.EqualTo(Enumerable.Range(0, 3).SelectMany(e => Enumerable.Repeat((long)e, 40))));
        Assert.That(table.Get<long[]>("frame_index"), Is.EqualTo(Enumerable.Range(0, 3).SelectMany(_ => Enumerable.Range(0, 40).Select(i => (long)i))));
        Assert.That(table.Get<float[]>("timestamp")[41], Is.EqualTo(0.05f).Within(1e-7));
        Assert.That(table.Get<long[]>("task_index"), Is.All.Zero);
        var actions = table.Get<List<float[]>>("action");
        Assert.That(actions[45], Is.EqualTo(data.Episodes[1].Action(5).ToArray()));
        var state = table.Get<List<float[]>>("observation.state");
        Assert.That(state[45], Is.EqualTo(data.Episodes[1].Observation(5)[..14].ToArray()));
        Assert.That(table.Get<List<float[]>>("observation.environment_state")[45], Is.EqualTo(data.Episodes[1].Observation(5)[14..17].ToArray()));
    }

    [Test]
    public async Task The_episode_table_gives_offsets_lengths_tasks_and_statistics()
    {
        var (_, dir) = await ExportAsync();

        var episodes = await ParquetRead.OpenAsync(Path.Combine(dir, "meta/episodes/chunk-000/file-000.parquet"));

        Assert.That(episodes.Rows, Is.EqualTo(3));
        Assert.That(episodes.Get<long[]>("episode_index"), Is.EqualTo(new long[] { 0, 1, 2 }));
        Assert.That(episodes.Get<long[]>("length"), Is.EqualTo(new long[] { 40, 40, 40 }));
        Assert.That(episodes.Get<long[]>("dataset_from_index"), Is.EqualTo(new long[] { 0, 40, 80 }));
        Assert.That(episodes.Get<long[]>("dataset_to_index"), Is.EqualTo(new long[] { 40, 80, 120 }));
        Assert.That(episodes.Get<long[]>("data/chunk_index"), Is.All.Zero);
        Assert.That(episodes.Get<long[]>("data/file_index"), Is.All.Zero);
        Assert.That(episodes.Get<List<string[]>>("tasks").Select(t => t.Single()), Is.All.EqualTo("reach"));
        Assert.That(episodes.Get<List<long[]>>("stats/action/count").Select(c => c.Single()), Is.All.EqualTo(40));
        Assert.That(episodes.Get<List<double[]>>("stats/action/mean")[0], Has.Length.EqualTo(7));
        Assert.That(episodes.Columns, Does.Contain("meta/episodes/chunk_index").And.Contain("stats/observation.state/std"));
    }

    [Test]
    public async Task Tasks_and_stats_follow_the_lerobot_layout()
    {
        var (data, dir) = await ExportAsync();

        var tasks = await ParquetRead.OpenAsync(Path.Combine(dir, "meta/tasks.parquet"));
        using var stats = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "meta/stats.json")));

        Assert.That(tasks.Get<string[]>("task"), Is.EqualTo(new[] { "reach" }));
        Assert.That(tasks.Get<long[]>("task_index"), Is.EqualTo(new long[] { 0 }));
        Assert.That(tasks.Metadata["pandas"], Does.Contain("\"index_columns\": [\"task\"]"));
        var action = stats.RootElement.GetProperty("action");
        Assert.That(action.GetProperty("count")[0].GetInt64(), Is.EqualTo(120));
        var all = data.Episodes.SelectMany(e => Enumerable.Range(0, e.Count).Select(i => e.Action(i)[3])).ToList();
        Assert.That(action.GetProperty("mean")[3].GetDouble(), Is.EqualTo(all.Average(v => (double)v)).Within(1e-6));
        Assert.That(action.GetProperty("min")[3].GetDouble(), Is.EqualTo(all.Min()).Within(1e-6));
        Assert.That(stats.RootElement.GetProperty("index").GetProperty("max")[0].GetDouble(), Is.EqualTo(119));
    }

    [Test]
    public async Task An_existing_directory_is_not_overwritten_unless_asked()
    {
        var (data, dir) = await ExportAsync();

        Assert.That(async () => await LeRobotExporter.ExportAsync(data, dir), Throws.InstanceOf<IOException>().With.Message.Contains(dir));
        Assert.That((await LeRobotExporter.ExportAsync(data, dir, new LeRobotExportOptions { Overwrite = true })).Frames, Is.EqualTo(120));
    }
}

public class LeRobotVideoExportTests
{
    [Test]
    public async Task A_camera_topic_becomes_one_mp4_with_a_frame_per_sample_and_episode_time_ranges()
    {
        var bag = SyntheticDemos.Write(new DemoSpec { Episodes = 3, Camera = true, Seed = 21 });
        var data = new DatasetBuilder().Build([bag]);
        var dir = SyntheticDemos.TempDir("lerobot-video");

        var result = await LeRobotExporter.ExportAsync(data, dir);

        const string key = "observation.images.camera";
        Assert.That(result.Videos, Is.EqualTo(new[] { key }));
        var mp4 = Path.Combine(dir, "videos", key, "chunk-000", "file-000.mp4");
        Assert.That(File.Exists(mp4), Is.True);
        var probe = Probe(mp4);
        Assert.That(probe.Trim(), Is.EqualTo("16,12,120"));
        using var info = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "meta/info.json")));
        var feature = info.RootElement.GetProperty("features").GetProperty(key);
        Assert.That(feature.GetProperty("dtype").GetString(), Is.EqualTo("video"));
        Assert.That(feature.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()), Is.EqualTo(new[] { 12, 16, 3 }));
        Assert.That(info.RootElement.GetProperty("video_path").GetString(), Is.EqualTo("videos/{video_key}/chunk-{chunk_index:03d}/file-{file_index:03d}.mp4"));
        var episodes = await ParquetRead.OpenAsync(Path.Combine(dir, "meta/episodes/chunk-000/file-000.parquet"));
        Assert.That(episodes.Get<double[]>($"videos/{key}/from_timestamp"), Is.EqualTo(new[] { 0.0, 2.0, 4.0 }));
        Assert.That(episodes.Get<double[]>($"videos/{key}/to_timestamp"), Is.EqualTo(new[] { 2.0, 4.0, 6.0 }));
        using var stats = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "meta/stats.json")));
        Assert.That(stats.RootElement.GetProperty(key).GetProperty("mean")[2][0][0].GetDouble(), Is.EqualTo(128 / 255.0).Within(1e-9));
    }

    private static string Probe(string mp4)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=width,height,nb_read_frames", "-of", "csv=p=0", mp4 })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
