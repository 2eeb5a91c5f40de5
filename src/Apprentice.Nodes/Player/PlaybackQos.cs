using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Player;

/// <summary>Chooses the QoS a replayed topic is published with, from what its recorded publishers offered.</summary>
public static class PlaybackQos
{
    /// <summary>
    /// The most reliable and most durable of <paramref name="offered"/> (so every subscriber that
    /// matched one of the original publishers matches the replay), or the ROS default profile when
    /// none was recorded. History "unknown"/default or depth 0 (how rosbag2 records offers) becomes
    /// the default keep-last depth; lifespan, deadline and liveliness come from the chosen profile.
    /// </summary>
    public static QosProfile Choose(IReadOnlyList<QosProfile> offered)
    {
        ArgumentNullException.ThrowIfNull(offered);
        if (offered.Count == 0)
        {
            return QosProfiles.Default;
        }

        var best = offered
            .OrderBy(p => p.Reliability == ReliabilityPolicy.Reliable ? 0 : 1)
            .ThenBy(p => p.Durability == DurabilityPolicy.TransientLocal ? 0 : 1)
            .First();
        var reliable = offered.Any(p => p.Reliability == ReliabilityPolicy.Reliable) || offered.All(p => p.Reliability == ReliabilityPolicy.SystemDefault);
        var latched = offered.Any(p => p.Durability == DurabilityPolicy.TransientLocal);
        var keepAll = best.History == HistoryPolicy.KeepAll;
        return best with
        {
            Reliability = reliable ? ReliabilityPolicy.Reliable : ReliabilityPolicy.BestEffort,
            Durability = latched ? DurabilityPolicy.TransientLocal : DurabilityPolicy.Volatile,
            History = keepAll ? HistoryPolicy.KeepAll : HistoryPolicy.KeepLast,
            Depth = best.Depth > 0 ? best.Depth : QosProfiles.Default.Depth,
            Liveliness = best.Liveliness == LivelinessPolicy.ManualByTopic ? LivelinessPolicy.Automatic : best.Liveliness,
        };
    }
}
