using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Transport;

/// <summary>
/// The port through which a ROS node publishes and subscribes (one per node). Adapters: Cyclone
/// DDS (<see cref="Cyclone.DdsNode"/>) and in-memory (<see cref="Memory.InMemoryTransport"/>).
/// </summary>
/// <remarks>
/// Topic names are ROS names as written in code (absolute, relative, <c>~/x</c>); the node expands
/// and remaps them. Subscription handlers run on the node's single receive thread, one at a time:
/// they must return quickly (store the sample, enqueue bytes) and never block on another handler.
/// Creating and disposing endpoints is thread-safe. Disposing the transport disposes its endpoints.
/// </remarks>
public interface ITransport : IDisposable
{
    /// <summary>The node's name after remapping.</summary>
    string NodeName { get; }

    /// <summary>The node's namespace after remapping (<c>/</c> or <c>/a/b</c>).</summary>
    string Namespace { get; }

    /// <summary>Raised (on the receive thread) when a local endpoint cannot match a peer because of QoS; a warning is logged too.</summary>
    event Action<QosIncompatibility>? QosIncompatible;

    /// <summary>The node's fully-qualified name of a topic as written (expanded and remapped).</summary>
    string ResolveTopicName(string topic);

    /// <summary>Creates a publisher of already-serialized CDR (encapsulation header included).</summary>
    /// <param name="topic">ROS topic name, e.g. <c>/joint_states</c> or <c>~/status</c>.</param>
    /// <param name="rosType">ROS type, e.g. <c>sensor_msgs/msg/JointState</c>.</param>
    /// <param name="qos">Requested QoS; a per-topic override may replace it.</param>
    /// <exception cref="Apprentice.Ros.Names.InvalidRosNameException">Bad topic or type name.</exception>
    IRawPublisher CreateRawPublisher(string topic, string rosType, QosProfile qos);

    /// <summary>Creates a subscription that hands each sample's CDR bytes to <paramref name="handler"/>.</summary>
    IRawSubscription CreateRawSubscription(string topic, string rosType, QosProfile qos, RawMessageHandler handler);

    /// <summary>A snapshot of every endpoint discovered on the graph (this node's included).</summary>
    IReadOnlyList<DiscoveredEndpoint> DiscoveredEndpoints();

    /// <summary>A snapshot of the ROS nodes on the graph (this one included), as <c>ros2 node list</c> sees them.</summary>
    IReadOnlyList<Graph.GraphNode> DiscoveredNodes();
}
