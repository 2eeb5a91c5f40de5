namespace Apprentice.Learning.LeRobot;

/// <summary>Options of the LeRobotDataset v3.0 export.</summary>
public sealed record LeRobotExportOptions
{
    /// <summary>Defaults.</summary>
    public static LeRobotExportOptions Default { get; } = new();

    /// <summary><c>robot_type</c> in info.json. Default <c>panda</c>.</summary>
    public string RobotType { get; init; } = "panda";

    /// <summary>Task text for episodes recorded without one. Default <c>reach</c>.</summary>
    public string DefaultTask { get; init; } = "reach";

    /// <summary>
    /// sensor_msgs/Image topics exported as <c>observation.images.&lt;name&gt;</c> MP4 videos (through
    /// ffmpeg) when every bag has them. Default <c>/camera/image_raw</c>.
    /// </summary>
    public IReadOnlyList<string> CameraTopics { get; init; } = ["/camera/image_raw"];

    /// <summary>Replace an existing output directory. Default false (refuse).</summary>
    public bool Overwrite { get; init; }
}

/// <summary>What the export wrote.</summary>
/// <param name="Directory">The dataset root.</param>
/// <param name="Episodes">Episodes written.</param>
/// <param name="Frames">Frames (rows) written.</param>
/// <param name="Tasks">Distinct tasks.</param>
/// <param name="Videos">Video feature keys written (<c>observation.images.…</c>).</param>
public sealed record LeRobotExportResult(string Directory, int Episodes, long Frames, int Tasks, IReadOnlyList<string> Videos);
