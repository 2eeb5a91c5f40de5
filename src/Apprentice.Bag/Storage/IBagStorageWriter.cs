namespace Apprentice.Bag.Storage;

/// <summary>
/// Port: writes one rosbag2 storage file (MCAP or sqlite3). Single writer thread; dispose closes.
/// </summary>
public interface IBagStorageWriter : IDisposable
{
    /// <summary>Path of the storage file.</summary>
    string FilePath { get; }

    /// <summary>rosbag2 storage identifier: <c>mcap</c> or <c>sqlite3</c>.</summary>
    string StorageIdentifier { get; }

    /// <summary>Bytes written to the file so far (approximate for sqlite3), for size-based splitting.</summary>
    long BytesWritten { get; }

    /// <summary>Registers a topic (idempotent) with its type definition when known.</summary>
    void CreateTopic(BagTopic topic, BagMessageDefinition? definition);

    /// <summary>Writes one message on a registered topic.</summary>
    /// <exception cref="InvalidOperationException">The topic was not created.</exception>
    void Write(BagMessage message);

    /// <summary>Stores the rosbag2 BagMetadata YAML inside the file (MCAP Metadata record / db3 metadata row).</summary>
    void WriteBagMetadata(string serializedMetadata);

    /// <summary>Flushes and finishes the file (summary, indexes). Idempotent.</summary>
    void Close();
}
