using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Recorder;

/// <summary>The subscription QoS that receives from every publisher of a topic, as rosbag2's recorder adapts it.</summary>
public static class RecordingQos
{
    /// <summary>
    /// Best effort when any publisher is best effort (a reliable reader cannot match it), else
    /// reliable; transient local only when every publisher is (else volatile); keep-last
    /// <paramref name="depth"/>. With no publisher known: reliable, volatile.
    /// </summary>
    public static QosProfile Adapt(IReadOnlyList<QosProfile> offered, int depth)
    {
        ArgumentNullException.ThrowIfNull(offered);
        var bestEffort = offered.Any(p => p.Reliability == ReliabilityPolicy.BestEffort);
        var latched = offered.Count > 0 && offered.All(p => p.Durability == DurabilityPolicy.TransientLocal);
        return QosProfiles.Default with
        {
            Depth = depth,
            Reliability = bestEffort ? ReliabilityPolicy.BestEffort : ReliabilityPolicy.Reliable,
            Durability = latched ? DurabilityPolicy.TransientLocal : DurabilityPolicy.Volatile,
        };
    }
}
