using Apprentice.Bag.Mcap;

namespace Apprentice.Bag.Bags;

/// <summary>Options of <see cref="BagWriter"/>. Immutable; validated once when the writer is created.</summary>
public sealed record BagWriterOptions
{
    /// <summary>MCAP, no splitting, 64 MiB cache.</summary>
    public static BagWriterOptions Default { get; } = new();

    /// <summary>Storage plugin: <c>mcap</c> (default) or <c>sqlite3</c>.</summary>
    public string StorageIdentifier { get; init; } = "mcap";

    /// <summary>MCAP writer options (chunk size, compression). Default <see cref="McapWriterOptions.Default"/>.</summary>
    public McapWriterOptions Mcap { get; init; } = McapWriterOptions.Default;

    /// <summary>Start a new file once the current one holds this many bytes; 0 (default) = never.</summary>
    public long MaxFileSizeBytes { get; init; }

    /// <summary>Start a new file once a message is this much later (receive time) than the file's first; zero (default) = never.</summary>
    public TimeSpan MaxFileDuration { get; init; }

    /// <summary>Bytes of payload the in-memory cache may hold before new messages are dropped (and counted). Default 64 MiB.</summary>
    public long CacheCapacityBytes { get; init; } = 64L << 20;

    /// <summary>
    /// Snapshot mode: messages are kept in an in-memory ring of <see cref="CacheCapacityBytes"/>
    /// (oldest evicted first, not counted as drops) and written only when
    /// <see cref="BagWriter.Snapshot"/> is called. Default false.
    /// </summary>
    public bool SnapshotMode { get; init; }

    /// <summary>User data stored in metadata.yaml <c>custom_data</c> (more can be added while recording).</summary>
    public IReadOnlyDictionary<string, string> CustomData { get; init; } = new Dictionary<string, string>();

    /// <summary>ROS distribution name written to metadata (<c>ros_distro</c>). Default empty.</summary>
    public string RosDistro { get; init; } = "";

    /// <summary>Throws when a value is out of range.</summary>
    public BagWriterOptions Validated()
    {
        _ = BagStorage.Extension(StorageIdentifier);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxFileSizeBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFileDuration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(CacheCapacityBytes, 1024);
        Mcap.Validated();
        return this;
    }
}
