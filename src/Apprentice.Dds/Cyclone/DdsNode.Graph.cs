using Apprentice.Dds.Graph;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Cyclone;

// Graph presence: this node announced on ros_discovery_info, other participants' nodes read from it.
public sealed partial class DdsNode
{
    private static readonly QosProfile GraphWriterQos = new() { Durability = DurabilityPolicy.TransientLocal, Depth = 1 };
    private static readonly QosProfile GraphReaderQos = new() { Durability = DurabilityPolicy.TransientLocal, History = HistoryPolicy.KeepAll };
    private readonly Dictionary<string, List<GraphNode>> _remoteNodes = new(StringComparer.Ordinal);
    private DdsRawPublisher? _graphWriter;

    /// <summary>
    /// Nodes on the graph: this one, and those other participants announce on
    /// <c>ros_discovery_info</c> while their participant is still discovered.
    /// </summary>
    public IReadOnlyList<GraphNode> DiscoveredNodes()
    {
        var alive = DiscoveredEndpoints().Select(e => e.ParticipantGid).ToHashSet(StringComparer.Ordinal);
        var result = new List<GraphNode> { Self() };
        lock (_remoteNodes)
        {
            result.AddRange(_remoteNodes.Where(kv => alive.Contains(kv.Key)).SelectMany(kv => kv.Value));
        }

        return result;
    }

    private void StartGraph()
    {
        const string fq = "/" + ParticipantEntitiesInfoCodec.DdsTopic;
        _ = CreateReader(fq, ParticipantEntitiesInfoCodec.DdsTopic, ParticipantEntitiesInfoCodec.DdsType, GraphReaderQos, OnGraphInfo, null, isInternal: true);
        if (_options.AnnounceNode)
        {
            _graphWriter = CreateWriter(fq, ParticipantEntitiesInfoCodec.DdsTopic, ParticipantEntitiesInfoCodec.DdsType, GraphWriterQos, null, isInternal: true);
            AnnounceGraph();
        }
    }

    private GraphNode Self()
    {
        var endpoints = _endpoints.Values.Where(e => !e.Internal).ToList();
        return new GraphNode(
            Namespace,
            NodeName,
            ParticipantGid,
            endpoints.OfType<DdsRawSubscription>().Select(e => e.Gid).ToList(),
            endpoints.OfType<DdsRawPublisher>().Select(e => e.Gid).ToList());
    }

    private void AnnounceGraph()
    {
        if (_graphWriter is null || _disposed != 0)
        {
            return;
        }

        var bytes = ParticipantEntitiesInfoCodec.Encode(ParticipantGid, [Self()], _options.GidStorageSize);
        _ = _graphWriter.Publish(bytes);
    }

    private void OnGraphInfo(ReadOnlySpan<byte> cdr, Transport.MessageInfo info)
    {
        var decoded = ParticipantEntitiesInfoCodec.Decode(cdr, _options.GidStorageSize);
        if (decoded is not { } d)
        {
            _log.Debug("Ignoring a ros_discovery_info sample that is not {Size}-byte-gid ParticipantEntitiesInfo", _options.GidStorageSize);
            return;
        }

        if (d.ParticipantGid == ParticipantGid)
        {
            return;
        }

        lock (_remoteNodes)
        {
            _remoteNodes[d.ParticipantGid] = d.Nodes;
        }
    }
}
