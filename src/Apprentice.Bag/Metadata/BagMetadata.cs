using Apprentice.Bag.Storage;

namespace Apprentice.Bag.Metadata;

/// <summary>One topic's entry in <c>topics_with_message_count</c>.</summary>
public sealed record TopicInformation(BagTopic Topic, long MessageCount);

/// <summary>One storage file's entry in <c>files</c> (metadata version ≥ 5). Times in nanoseconds.</summary>
public sealed record BagFileInformation(string Path, long StartingTimeNs, long DurationNs, long MessageCount);

/// <summary>
/// The content of a bag's <c>metadata.yaml</c> (rosbag2's BagMetadata). Times are nanoseconds;
/// an empty bag has <see cref="StartingTimeNs"/> = <see cref="long.MaxValue"/> as rosbag2 writes.
/// </summary>
public sealed record BagMetadata
{
    /// <summary>Metadata format version as read (written files always say 8).</summary>
    public int Version { get; init; } = BagMetadataYaml.WriteVersion;

    /// <summary><c>mcap</c> or <c>sqlite3</c>.</summary>
    public string StorageIdentifier { get; init; } = "mcap";

    /// <summary>Last minus first receive time, ns.</summary>
    public long DurationNs { get; init; }

    /// <summary>First receive time, ns since the epoch (<see cref="long.MaxValue"/> when no message).</summary>
    public long StartingTimeNs { get; init; } = long.MaxValue;

    /// <summary>Messages in the bag.</summary>
    public long MessageCount { get; init; }

    /// <summary>Topics with their message counts.</summary>
    public IReadOnlyList<TopicInformation> Topics { get; init; } = [];

    /// <summary>rosbag2 file-level compression format (empty: none; MCAP compresses chunks instead).</summary>
    public string CompressionFormat { get; init; } = "";

    /// <summary>rosbag2 file-level compression mode (empty, <c>FILE</c> or <c>MESSAGE</c>).</summary>
    public string CompressionMode { get; init; } = "";

    /// <summary>Storage files relative to the bag directory, in order.</summary>
    public IReadOnlyList<string> RelativeFilePaths { get; init; } = [];

    /// <summary>Per-file information (version ≥ 5).</summary>
    public IReadOnlyList<BagFileInformation> Files { get; init; } = [];

    /// <summary>User key/value data (version ≥ 6), e.g. episode labels.</summary>
    public IReadOnlyDictionary<string, string> CustomData { get; init; } = new Dictionary<string, string>();

    /// <summary>ROS distribution that recorded the bag (version ≥ 8); may be empty.</summary>
    public string RosDistro { get; init; } = "";
}
