using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Cyclone;

/// <summary>What the node's dispatcher knows of a reader or writer.</summary>
internal abstract class DdsEndpoint(DdsNode node, long id, string topic, string ddsTopic, int entity, QosProfile qos)
{
    public DdsNode Node { get; } = node;

    public long Id { get; } = id;

    public string Topic { get; } = topic;

    public string DdsTopic { get; } = ddsTopic;

    public int Entity { get; } = entity;

    public QosProfile Qos { get; } = qos;

    /// <summary>Infrastructure (e.g. <c>ros_discovery_info</c>), not listed among the node's entities.</summary>
    public bool Internal { get; init; }

    /// <summary>The endpoint's GUID as 32 lowercase hex digits (its ROS gid).</summary>
    public string Gid => DdsNode.Gid(Entity);
}
