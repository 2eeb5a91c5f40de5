namespace Apprentice.Bag.Storage;

/// <summary>
/// Port: reads one rosbag2 storage file (MCAP or sqlite3). Not thread-safe; dispose to close.
/// </summary>
public interface IBagStorageReader : IDisposable
{
    /// <summary>Path of the storage file.</summary>
    string FilePath { get; }

    /// <summary>rosbag2 storage identifier: <c>mcap</c> or <c>sqlite3</c>.</summary>
    string StorageIdentifier { get; }

    /// <summary>Topics in the file, including topics with no messages.</summary>
    IReadOnlyList<BagTopic> Topics { get; }

    /// <summary>Type definitions stored in the file (may be empty or flagged <see cref="BagMessageDefinition.Suspect"/>).</summary>
    IReadOnlyList<BagMessageDefinition> Definitions { get; }

    /// <summary>Message count per topic name (topics with none are present with 0).</summary>
    IReadOnlyDictionary<string, long> MessageCounts { get; }

    /// <summary>Earliest receive time in ns, or null when the file holds no message.</summary>
    long? StartTimeNs { get; }

    /// <summary>Latest receive time in ns, or null when the file holds no message.</summary>
    long? EndTimeNs { get; }

    /// <summary>The rosbag2 BagMetadata YAML stored inside the file (last one written), if any.</summary>
    string? SerializedBagMetadata { get; }

    /// <summary>True when the file was incomplete (no summary, truncated) and was read by recovery.</summary>
    bool Recovered { get; }

    /// <summary>Messages in receive-time order (ties in storage order), filtered.</summary>
    IEnumerable<BagMessage> ReadMessages(BagReadFilter? filter = null);
}
