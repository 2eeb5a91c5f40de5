using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Transport;

/// <summary>A local endpoint could not match a peer on the same topic because of QoS.</summary>
/// <param name="Topic">The fully-qualified ROS topic.</param>
/// <param name="LocalKind">Whether our side is the publisher or the subscription.</param>
/// <param name="LocalQos">Our QoS.</param>
/// <param name="Policy">The first incompatible DDS policy (e.g. RELIABILITY).</param>
/// <param name="Peers">The discovered peers whose QoS conflicts with ours (empty when not yet discovered).</param>
/// <param name="Message">The warning text that was logged, naming both sides and the fix.</param>
public sealed record QosIncompatibility(
    string Topic,
    EndpointKind LocalKind,
    QosProfile LocalQos,
    string Policy,
    IReadOnlyList<DiscoveredEndpoint> Peers,
    string Message);
