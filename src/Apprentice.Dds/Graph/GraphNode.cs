namespace Apprentice.Dds.Graph;

/// <summary>A ROS node announced on <c>ros_discovery_info</c> (what <c>ros2 node list</c> shows).</summary>
/// <param name="Namespace">The node's namespace (<c>/</c> or <c>/a/b</c>).</param>
/// <param name="Name">The node's name.</param>
/// <param name="ParticipantGid">Its DDS participant's GUID, 32 lowercase hex digits.</param>
/// <param name="ReaderGids">Its readers' GUIDs (subscriptions, service request readers, client reply readers).</param>
/// <param name="WriterGids">Its writers' GUIDs.</param>
public sealed record GraphNode(string Namespace, string Name, string ParticipantGid, IReadOnlyList<string> ReaderGids, IReadOnlyList<string> WriterGids)
{
    /// <summary><c>/ns/name</c>.</summary>
    public string FullyQualifiedName => Namespace == "/" ? "/" + Name : Namespace + "/" + Name;
}
