using Apprentice.Ros.Cdr;

namespace Apprentice.Ros.Messages;

/// <summary>
/// A generated ROS 2 message type (see <c>Apprentice.Ros.Generator</c>): its names and its CDR
/// serialization, as static abstract members so generic code (typed publishers, bag readers) can
/// work with any message type, e.g. <c>T.Deserialize(ref reader)</c>. Instances are mutable and not
/// thread-safe; the serializers are allocation-free except where noted.
/// </summary>
/// <typeparam name="TSelf">The message class itself.</typeparam>
public interface IRosMessage<TSelf>
    where TSelf : class, IRosMessage<TSelf>, new()
{
    /// <summary>The ROS type name, e.g. <c>sensor_msgs/msg/JointState</c>.</summary>
    static abstract string RosTypeName { get; }

    /// <summary>The DDS type name, e.g. <c>sensor_msgs::msg::dds_::JointState_</c>.</summary>
    static abstract string DdsTypeName { get; }

    /// <summary>Decodes a new instance (allocates the instance, its arrays and strings).</summary>
    /// <param name="reader">Positioned at the message's first field.</param>
    static abstract TSelf Deserialize(ref CdrReader reader);

    /// <summary>
    /// Writes the fields (not the encapsulation header). Throws
    /// <see cref="MessageFieldLengthException"/> when a fixed array has the wrong length or a
    /// bounded sequence or string is too long. Allocation-free.
    /// </summary>
    void Serialize(ref CdrWriter writer);

    /// <summary>
    /// Decodes into this instance, reusing nested messages, arrays of the same length and strings
    /// whose bytes did not change: decoding same-shaped messages into one instance allocates nothing.
    /// Arrays always hold exactly the decoded element count (a different count gets a new array),
    /// so <c>Data.Length</c> is the payload size and no separate length travels with it; frames of
    /// a fixed size (one camera's images, one LiDAR's scans) hit the reuse path every time. If
    /// decoding fails, the instance holds a mix of old and new values.
    /// </summary>
    void DeserializeInto(ref CdrReader reader);

    /// <summary>
    /// The position just after this message when it starts at <paramref name="position"/>, counted
    /// from the CDR alignment origin (the byte after the encapsulation header). Use
    /// <c>ComputeEndPosition(0) + 4</c> for the size of a whole payload. Allocation-free.
    /// </summary>
    int ComputeEndPosition(int position);
}
