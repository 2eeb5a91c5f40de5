using System.Text;
using Apprentice.Bag.Storage;

namespace Apprentice.Bag.Mcap;

/// <summary>
/// <see cref="IBagStorageWriter"/> writing MCAP with rosbag2's conventions: profile <c>ros2</c>,
/// schema encoding <c>ros2msg</c> (schema name = type name), message encoding from the topic
/// (<c>cdr</c>), channel metadata <c>offered_qos_profiles</c> and (when known)
/// <c>topic_type_hash</c>, and the bag metadata in a Metadata record named <c>rosbag2</c> under
/// the key <c>serialized_metadata</c>. Single writer thread.
/// </summary>
public sealed class McapStorageWriter : IBagStorageWriter
{
    private readonly McapWriter _writer;
    private readonly FileStream _file;
    private readonly Dictionary<string, (ushort Channel, uint Sequence)> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ushort> _schemas = new(StringComparer.Ordinal);
    private bool _closed;

    /// <summary>Creates (or overwrites) <paramref name="path"/>.</summary>
    public McapStorageWriter(string path, McapWriterOptions? options = null)
    {
        FilePath = path;
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _writer = new McapWriter(_file, options);
    }

    /// <inheritdoc/>
    public string FilePath { get; }

    /// <inheritdoc/>
    public string StorageIdentifier => "mcap";

    /// <inheritdoc/>
    public long BytesWritten => _writer.Position;

    /// <inheritdoc/>
    public void CreateTopic(BagTopic topic, BagMessageDefinition? definition)
    {
        if (_channels.ContainsKey(topic.Name))
        {
            return;
        }

        if (!_schemas.TryGetValue(topic.Type, out var schemaId))
        {
            var encoding = definition?.Encoding is { Length: > 0 } e ? e : "ros2msg";
            schemaId = _writer.AddSchema(topic.Type, encoding, Encoding.UTF8.GetBytes(definition?.EncodedText ?? ""));
            _schemas[topic.Type] = schemaId;
        }

        var metadata = new Dictionary<string, string> { [McapStorageReader.QosKey] = topic.OfferedQosProfiles };
        if (topic.TypeDescriptionHash.Length > 0)
        {
            metadata[McapStorageReader.TypeHashKey] = topic.TypeDescriptionHash;
        }

        var channel = _writer.AddChannel(schemaId, topic.Name, topic.SerializationFormat, metadata);
        _channels[topic.Name] = (channel, 0);
    }

    /// <inheritdoc/>
    public void Write(BagMessage message)
    {
        if (!_channels.TryGetValue(message.Topic, out var c))
        {
            throw new InvalidOperationException($"Topic '{message.Topic}' was not created before writing to it.");
        }

        _channels[message.Topic] = (c.Channel, c.Sequence + 1);
        _writer.WriteMessage(c.Channel, c.Sequence, (ulong)message.RecvTimestampNs, (ulong)message.SendTimestampNs,
            message.Data.Span);
    }

    /// <inheritdoc/>
    public void WriteBagMetadata(string serializedMetadata) =>
        _writer.WriteMetadata(McapStorageReader.Rosbag2MetadataName,
            new Dictionary<string, string> { [McapStorageReader.SerializedMetadataKey] = serializedMetadata });

    /// <summary>Writes the open chunk to disk now.</summary>
    public void Flush() => _writer.Flush();

    /// <inheritdoc/>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _writer.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose() => Close();
}
