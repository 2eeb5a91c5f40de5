using System.Globalization;

namespace Apprentice.Ros.Qos;

/// <summary>
/// A ROS 2 QoS profile, as <c>rmw_qos_profile_t</c> carries it. Immutable; use <c>with</c> to
/// derive. Durations of <see cref="TimeSpan.Zero"/> mean "infinite / not set", as in ROS.
/// </summary>
public sealed record QosProfile
{
    /// <summary>History kind; default keep-last.</summary>
    public HistoryPolicy History { get; init; } = HistoryPolicy.KeepLast;

    /// <summary>Keep-last depth in samples (ignored for keep-all); default 10.</summary>
    public int Depth { get; init; } = 10;

    /// <summary>Reliability; default reliable.</summary>
    public ReliabilityPolicy Reliability { get; init; } = ReliabilityPolicy.Reliable;

    /// <summary>Durability; default volatile.</summary>
    public DurabilityPolicy Durability { get; init; } = DurabilityPolicy.Volatile;

    /// <summary>Maximum expected period between samples; zero = none.</summary>
    public TimeSpan Deadline { get; init; }

    /// <summary>How long a sample stays valid after writing; zero = forever.</summary>
    public TimeSpan Lifespan { get; init; }

    /// <summary>Liveliness kind; default system default.</summary>
    public LivelinessPolicy Liveliness { get; init; } = LivelinessPolicy.SystemDefault;

    /// <summary>Liveliness lease; zero = infinite.</summary>
    public TimeSpan LivelinessLeaseDuration { get; init; }

    /// <summary>When true the DDS topic name carries no <c>rt/</c> prefix (e.g. <c>ros_discovery_info</c>).</summary>
    public bool AvoidRosNamespaceConventions { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad field when the profile is unusable.</summary>
    public QosProfile Validate(string what)
    {
        if (History == HistoryPolicy.KeepLast && Depth < 1)
        {
            throw new ArgumentException($"QoS for {what}: keep-last depth must be at least 1 (got {Depth}).");
        }

        if (Deadline < TimeSpan.Zero || Lifespan < TimeSpan.Zero || LivelinessLeaseDuration < TimeSpan.Zero)
        {
            throw new ArgumentException($"QoS for {what}: durations must not be negative (zero means infinite).");
        }

        return this;
    }

    /// <summary>Short human text, e.g. <c>reliable, volatile, keep-last 10</c>.</summary>
    public override string ToString()
    {
        var history = History switch
        {
            HistoryPolicy.KeepAll => "keep-all",
            HistoryPolicy.KeepLast => "keep-last " + Depth.ToString(CultureInfo.InvariantCulture),
            _ => "history default",
        };
        var text = $"{Describe(Reliability)}, {Describe(Durability)}, {history}";
        if (Deadline > TimeSpan.Zero)
        {
            text += ", deadline " + Deadline.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
        }

        if (Liveliness == LivelinessPolicy.ManualByTopic)
        {
            text += ", liveliness manual-by-topic";
        }

        return text;
    }

    internal static string Describe(ReliabilityPolicy r) => r switch
    {
        ReliabilityPolicy.Reliable => "reliable",
        ReliabilityPolicy.BestEffort => "best-effort",
        _ => "reliability default",
    };

    internal static string Describe(DurabilityPolicy d) => d switch
    {
        DurabilityPolicy.TransientLocal => "transient-local",
        DurabilityPolicy.Volatile => "volatile",
        _ => "durability default",
    };
}
