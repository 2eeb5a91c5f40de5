namespace Apprentice.Learning.LeRobot;

/// <summary>Fixed names and templates of the LeRobotDataset v3.0 layout (from huggingface/lerobot, CODEBASE_VERSION "v3.0").</summary>
public static class LeRobotLayout
{
    /// <summary>info.json <c>codebase_version</c>.</summary>
    public const string CodebaseVersion = "v3.0";

    /// <summary>Files per chunk directory.</summary>
    public const int ChunksSize = 1000;

    /// <summary>Target size of one data file [MB].</summary>
    public const int DataFilesSizeInMb = 100;

    /// <summary>Target size of one video file [MB].</summary>
    public const int VideoFilesSizeInMb = 500;

    /// <summary>Template of data file paths.</summary>
    public const string DataPath = "data/chunk-{chunk_index:03d}/file-{file_index:03d}.parquet";

    /// <summary>Template of video file paths.</summary>
    public const string VideoPath = "videos/{video_key}/chunk-{chunk_index:03d}/file-{file_index:03d}.mp4";

    /// <summary>The first data file.</summary>
    public const string FirstDataFile = "data/chunk-000/file-000.parquet";

    /// <summary>The first episode-metadata file.</summary>
    public const string FirstEpisodesFile = "meta/episodes/chunk-000/file-000.parquet";

    /// <summary>Task table.</summary>
    public const string TasksFile = "meta/tasks.parquet";

    /// <summary>Dataset description.</summary>
    public const string InfoFile = "meta/info.json";

    /// <summary>Global feature statistics.</summary>
    public const string StatsFile = "meta/stats.json";

    /// <summary>Statistics written per feature (stats.json and the episodes' <c>stats/…</c> columns).</summary>
    public static IReadOnlyList<string> StatNames { get; } = ["min", "max", "mean", "std", "count"];
}
