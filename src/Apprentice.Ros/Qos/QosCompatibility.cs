namespace Apprentice.Ros.Qos;

/// <summary>One reason a writer and reader cannot match.</summary>
/// <param name="Policy">The DDS policy name (RELIABILITY, DURABILITY, DEADLINE, LIVELINESS).</param>
/// <param name="Explanation">What each side has and what would fix it.</param>
public readonly record struct QosConflict(string Policy, string Explanation);

/// <summary>
/// The DDS request/offer rules for the policies ROS exposes. System-default values are
/// resolved as Cyclone DDS resolves them (writers reliable, readers best effort, volatile).
/// </summary>
public static class QosCompatibility
{
    /// <summary>Every incompatibility between an offered (writer) and requested (reader) profile; empty when they match.</summary>
    public static IReadOnlyList<QosConflict> Check(QosProfile offered, QosProfile requested)
    {
        var problems = new List<QosConflict>(2);
        var wr = offered.Reliability == ReliabilityPolicy.SystemDefault ? ReliabilityPolicy.Reliable : offered.Reliability;
        var rr = requested.Reliability == ReliabilityPolicy.SystemDefault ? ReliabilityPolicy.BestEffort : requested.Reliability;
        if (wr == ReliabilityPolicy.BestEffort && rr == ReliabilityPolicy.Reliable)
        {
            problems.Add(new("RELIABILITY",
                "the publisher offers best-effort but the subscription requests reliable; make the subscription best-effort (sensor data profile) or the publisher reliable"));
        }

        var wd = offered.Durability == DurabilityPolicy.TransientLocal ? DurabilityPolicy.TransientLocal : DurabilityPolicy.Volatile;
        var rd = requested.Durability == DurabilityPolicy.TransientLocal ? DurabilityPolicy.TransientLocal : DurabilityPolicy.Volatile;
        if (wd == DurabilityPolicy.Volatile && rd == DurabilityPolicy.TransientLocal)
        {
            problems.Add(new("DURABILITY",
                "the publisher offers volatile but the subscription requests transient-local; make the subscription volatile or the publisher transient-local"));
        }

        var wdl = offered.Deadline == TimeSpan.Zero ? TimeSpan.MaxValue : offered.Deadline;
        var rdl = requested.Deadline == TimeSpan.Zero ? TimeSpan.MaxValue : requested.Deadline;
        if (wdl > rdl)
        {
            problems.Add(new("DEADLINE", "the publisher's deadline period is longer than the subscription requests"));
        }

        if (offered.Liveliness != LivelinessPolicy.ManualByTopic && requested.Liveliness == LivelinessPolicy.ManualByTopic)
        {
            problems.Add(new("LIVELINESS", "the subscription requests manual-by-topic liveliness that the publisher does not offer"));
        }

        var wl = offered.LivelinessLeaseDuration == TimeSpan.Zero ? TimeSpan.MaxValue : offered.LivelinessLeaseDuration;
        var rl = requested.LivelinessLeaseDuration == TimeSpan.Zero ? TimeSpan.MaxValue : requested.LivelinessLeaseDuration;
        if (wl > rl)
        {
            problems.Add(new("LIVELINESS", "the publisher's liveliness lease is longer than the subscription requests"));
        }

        return problems;
    }
}
