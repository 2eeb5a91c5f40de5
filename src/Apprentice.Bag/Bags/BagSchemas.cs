using Apprentice.Bag.Storage;
using Apprentice.Ros.Registry;
using Apprentice.Ros.Schema;

namespace Apprentice.Bag.Bags;

/// <summary>
/// Builds the topic and definition rows a bag needs for a ROS type from an interface registry, so
/// recorded bags carry the <c>ros2msg</c> schema text that <c>ros2 bag play</c>, Foxglove and
/// <c>apprentice bag echo</c> decode with. Thread-safe when the registry is (lookups are).
/// </summary>
public static class BagSchemas
{
    private static readonly Lazy<InterfaceRegistry> DefaultRegistry = new(() => InterfaceRegistry.CreateDefault());

    /// <summary>The embedded standard interfaces, created once on first use.</summary>
    public static InterfaceRegistry Default => DefaultRegistry.Value;

    /// <summary>
    /// The definition of <paramref name="typeName"/> (<c>pkg/msg/Name</c> or <c>pkg/srv/Name_Event</c>)
    /// as rosbag2 stores it: encoding <c>ros2msg</c>, text from <see cref="Ros2MsgSchema.Build"/>.
    /// </summary>
    /// <param name="registry">Where the type and its dependencies are found (default: <see cref="Default"/>).</param>
    /// <param name="typeName">The ROS type name.</param>
    /// <param name="typeDescriptionHash">The RIHS01 hash when known (e.g. from discovery), else empty; never guessed.</param>
    /// <exception cref="InterfaceNotFoundException">The type or a dependency is unknown to the registry.</exception>
    public static BagMessageDefinition Definition(IMessageDefinitionProvider? registry, string typeName, string typeDescriptionHash = "")
    {
        ArgumentNullException.ThrowIfNull(typeName);
        var text = Ros2MsgSchema.Build(registry ?? Default, typeName);
        return new BagMessageDefinition(typeName, Ros2MsgSchema.Encoding, text, typeDescriptionHash ?? "");
    }

    /// <summary>
    /// Registers <paramref name="topic"/> of <paramref name="typeName"/> on <paramref name="writer"/>
    /// with its schema from <paramref name="registry"/>. Idempotent like <see cref="BagWriter.CreateTopic"/>.
    /// </summary>
    /// <param name="writer">The bag being recorded.</param>
    /// <param name="topic">Topic name, e.g. <c>/joint_states</c>.</param>
    /// <param name="typeName">The ROS type name, e.g. <c>sensor_msgs/msg/JointState</c>.</param>
    /// <param name="registry">Where the type is found (default: <see cref="Default"/>).</param>
    /// <param name="offeredQosProfiles">The publishers' QoS in rosbag2's integer-form YAML, or empty.</param>
    /// <param name="typeDescriptionHash">The RIHS01 hash when known, else empty.</param>
    /// <returns>The topic as registered.</returns>
    /// <exception cref="InterfaceNotFoundException">The type or a dependency is unknown to the registry.</exception>
    public static BagTopic CreateTopic(
        this BagWriter writer, string topic, string typeName, IMessageDefinitionProvider? registry = null,
        string offeredQosProfiles = "", string typeDescriptionHash = "")
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(topic);
        var definition = Definition(registry, typeName, typeDescriptionHash);
        var bagTopic = new BagTopic(topic, typeName, "cdr", offeredQosProfiles ?? "", typeDescriptionHash ?? "");
        writer.CreateTopic(bagTopic, definition);
        return bagTopic;
    }
}
