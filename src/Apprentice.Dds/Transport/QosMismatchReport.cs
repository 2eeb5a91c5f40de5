using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Transport;

/// <summary>Builds the incompatible-QoS warning both transports log, naming both sides and the fix.</summary>
internal static class QosMismatchReport
{
    public static QosIncompatibility Build(
        string topic, EndpointKind localKind, string localGid, string nodeFqn, QosProfile localQos, string policy, IReadOnlyList<DiscoveredEndpoint> candidates)
    {
        var peers = candidates
            .Where(e => e.Kind != localKind && Conflicts(localKind, localQos, e.Qos).Count > 0)
            .ToList();
        var local = localKind == EndpointKind.Publisher ? "publisher" : "subscription";
        var remote = localKind == EndpointKind.Publisher ? "subscription" : "publisher";
        var conflicts = peers.Count == 0 ? [] : Conflicts(localKind, localQos, peers[0].Qos);
        if (peers.Count > 0 && policy.Length == 0)
        {
            policy = conflicts[0].Policy;
        }

        var peerText = peers.Count == 0 ? $"a {remote} not yet discovered" : string.Join("; ", peers.Select(p => p.Describe()));
        var fix = conflicts.Count == 0 ? "align the QoS of both sides" : string.Join("; ", conflicts.Select(c => c.Explanation));
        var message = $"QoS mismatch on topic '{topic}': our {local} {localGid} of node '{nodeFqn}' with QoS ({localQos}) " +
            $"cannot match {peerText}. Incompatible policy {policy}: {fix}. No data will flow between them.";
        return new QosIncompatibility(topic, localKind, localQos, policy, peers, message);
    }

    private static IReadOnlyList<QosConflict> Conflicts(EndpointKind localKind, QosProfile local, QosProfile peer) =>
        localKind == EndpointKind.Publisher ? QosCompatibility.Check(local, peer) : QosCompatibility.Check(peer, local);
}
