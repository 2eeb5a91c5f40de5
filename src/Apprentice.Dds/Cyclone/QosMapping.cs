using Apprentice.Dds.Interop;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Cyclone;

/// <summary>QosProfile ↔ the shim's struct, with rmw_cyclonedds' choices.</summary>
internal static class QosMapping
{
    public static ApsQos ToNative(QosProfile q) => new()
    {
        Reliability = (int)q.Reliability,
        Durability = (int)q.Durability,
        History = (int)q.History,
        Depth = q.Depth,
        Liveliness = (int)q.Liveliness,
        DeadlineNs = q.Deadline.Ticks * 100,
        LifespanNs = q.Lifespan.Ticks * 100,
        LivelinessLeaseNs = q.LivelinessLeaseDuration.Ticks * 100,
        // rmw_cyclonedds: reliable writers block without limit when keep-all history is full.
        MaxBlockingNs = -1,
    };

    public static QosProfile FromNative(in ApsQos q) => new()
    {
        Reliability = (ReliabilityPolicy)q.Reliability,
        Durability = (DurabilityPolicy)q.Durability,
        History = (HistoryPolicy)q.History,
        Depth = q.Depth,
        Liveliness = q.Liveliness == 2 ? LivelinessPolicy.SystemDefault : (LivelinessPolicy)q.Liveliness,
        Deadline = TimeSpan.FromTicks(q.DeadlineNs / 100),
        Lifespan = TimeSpan.FromTicks(q.LifespanNs / 100),
        LivelinessLeaseDuration = TimeSpan.FromTicks(q.LivelinessLeaseNs / 100),
    };

    /// <summary>DDS QoS policy ids (dds_public_qosdefs.h) to names.</summary>
    public static string PolicyName(int id) => id switch
    {
        2 => "DURABILITY",
        4 => "DEADLINE",
        5 => "LATENCY_BUDGET",
        6 => "OWNERSHIP",
        8 => "LIVELINESS",
        9 => "TIME_BASED_FILTER",
        10 => "PARTITION",
        11 => "RELIABILITY",
        12 => "DESTINATION_ORDER",
        13 => "HISTORY",
        14 => "RESOURCE_LIMITS",
        3 => "PRESENTATION",
        25 => "DATA_REPRESENTATION",
        _ => "policy " + id.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
