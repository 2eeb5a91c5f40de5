namespace Apprentice.Bag.Storage;

/// <summary>
/// A topic as rosbag2 stores it (MCAP channel + schema name, or a db3 <c>topics</c> row).
/// </summary>
/// <param name="Name">Topic name, e.g. <c>/chatter</c>.</param>
/// <param name="Type">Type name, e.g. <c>std_msgs/msg/String</c>.</param>
/// <param name="SerializationFormat">Payload encoding, normally <c>cdr</c>.</param>
/// <param name="OfferedQosProfiles">The publishers' QoS as rosbag2's YAML string (may be empty).</param>
/// <param name="TypeDescriptionHash">RIHS01 type hash, or empty when unknown.</param>
public sealed record BagTopic(
    string Name, string Type, string SerializationFormat = "cdr", string OfferedQosProfiles = "",
    string TypeDescriptionHash = "");

/// <summary>
/// A type's definition as stored in a bag (MCAP Schema or db3 <c>message_definitions</c> row).
/// </summary>
/// <param name="TopicType">Type name, e.g. <c>std_msgs/msg/String</c>.</param>
/// <param name="Encoding">Definition encoding, normally <c>ros2msg</c> (or <c>ros2idl</c>).</param>
/// <param name="EncodedText">The definition text with its dependencies.</param>
/// <param name="TypeDescriptionHash">RIHS01 hash, or empty.</param>
/// <param name="Suspect">
/// Set when the definition looks like a placeholder and should not be trusted for decoding
/// (for example a db3 written by hand with dummy text); prefer another source then.
/// </param>
public sealed record BagMessageDefinition(
    string TopicType, string Encoding, string EncodedText, string TypeDescriptionHash = "", bool Suspect = false);

/// <summary>
/// One serialized message with its timestamps, as stored in a bag.
/// </summary>
/// <param name="Topic">Topic name.</param>
/// <param name="RecvTimestampNs">Receive (log) time, nanoseconds since the epoch.</param>
/// <param name="SendTimestampNs">Publish time, nanoseconds since the epoch (equal to receive time when unknown).</param>
/// <param name="Data">Serialized payload (CDR with its 4-byte encapsulation header).</param>
public sealed record BagMessage(string Topic, long RecvTimestampNs, long SendTimestampNs, ReadOnlyMemory<byte> Data);

/// <summary>Which messages a read yields: topics (null = all) and an inclusive receive-time range.</summary>
public sealed record BagReadFilter
{
    /// <summary>All topics, all times.</summary>
    public static BagReadFilter All { get; } = new();

    /// <summary>Topic names to read, or null for all.</summary>
    public IReadOnlySet<string>? Topics { get; init; }

    /// <summary>First receive time included, nanoseconds. Default <see cref="long.MinValue"/>.</summary>
    public long StartNs { get; init; } = long.MinValue;

    /// <summary>Last receive time included, nanoseconds. Default <see cref="long.MaxValue"/>.</summary>
    public long EndNs { get; init; } = long.MaxValue;

    /// <summary>True when <paramref name="topic"/> passes the topic filter.</summary>
    public bool Includes(string topic) => Topics is null || Topics.Contains(topic);
}
