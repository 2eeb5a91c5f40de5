using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Transport;

/// <summary>A reader or writer seen on the graph.</summary>
/// <param name="Kind">Publisher (writer) or subscription (reader).</param>
/// <param name="DdsTopic">The DDS topic name, e.g. <c>rt/joint_states</c>.</param>
/// <param name="DdsType">The DDS type name, e.g. <c>sensor_msgs::msg::dds_::JointState_</c>.</param>
/// <param name="Qos">The endpoint's QoS as discovered.</param>
/// <param name="Gid">The endpoint GUID, 32 lowercase hex digits.</param>
/// <param name="ParticipantGid">Its participant's GUID, 32 lowercase hex digits.</param>
/// <param name="UserData">The endpoint's USER_DATA as text (e.g. <c>typehash=RIHS01_…;</c>), empty when none.</param>
public sealed record DiscoveredEndpoint(
    EndpointKind Kind,
    string DdsTopic,
    string DdsType,
    QosProfile Qos,
    string Gid,
    string ParticipantGid,
    string UserData)
{
    /// <summary>The ROS topic (<c>/joint_states</c>) for <c>rt/</c> topics; null for others.</summary>
    public string? RosTopic => Apprentice.Ros.Names.DdsNames.ParseTopic(DdsTopic) is (Apprentice.Ros.Names.DdsTopicKind.Topic, var n) ? n : null;

    /// <summary>The ROS type (<c>sensor_msgs/msg/JointState</c>), or null when the DDS type is not a ROS one.</summary>
    public string? RosType => Apprentice.Ros.Names.DdsNames.RosType(DdsType);

    /// <summary>Short text naming the endpoint for log messages.</summary>
    public string Describe() =>
        $"{(Kind == EndpointKind.Publisher ? "publisher" : "subscription")} {Gid} (participant {ParticipantGid}) with QoS ({Qos})";
}
