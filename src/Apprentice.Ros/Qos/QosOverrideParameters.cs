using Apprentice.Ros.Args;

namespace Apprentice.Ros.Qos;

/// <summary>
/// Reads rclcpp-style QoS override parameters, e.g.
/// <c>qos_overrides./scan.subscription.reliability: best_effort</c>, <c>….depth: 5</c>,
/// <c>….durability: transient_local</c>, <c>….history: keep_all</c>, <c>….deadline</c> (ns).
/// </summary>
public static class QosOverrideParameters
{
    private const string Prefix = "qos_overrides.";

    /// <summary>
    /// Applies every <c>qos_overrides.</c> parameter on top of <paramref name="baseline"/> (the
    /// profile each endpoint would otherwise use is not known here, so overrides start from
    /// <see cref="QosProfiles.Default"/> for the named topic and side).
    /// </summary>
    /// <exception cref="RosArgumentException">An unknown policy or value; the message names the parameter.</exception>
    public static QosOverrides Apply(IReadOnlyDictionary<string, RosParameterValue> parameters, QosOverrides baseline)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(baseline);
        var profiles = new Dictionary<(string, EndpointKind), QosProfile>();
        foreach (var (name, value) in parameters.Where(p => p.Key.StartsWith(Prefix, StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var rest = name[Prefix.Length..];
            var policyDot = rest.LastIndexOf('.');
            var sideDot = policyDot > 0 ? rest.LastIndexOf('.', policyDot - 1) : -1;
            if (sideDot <= 0)
            {
                throw new RosArgumentException($"QoS override '{name}' must look like 'qos_overrides./topic.publisher.reliability'.");
            }

            var topic = rest[..sideDot];
            var kind = rest[(sideDot + 1)..policyDot] switch
            {
                "publisher" => EndpointKind.Publisher,
                "subscription" => EndpointKind.Subscription,
                var other => throw new RosArgumentException($"QoS override '{name}': '{other}' is neither 'publisher' nor 'subscription'."),
            };
            var key = (topic, kind);
            var profile = profiles.TryGetValue(key, out var p) ? p : QosProfiles.Default;
            profiles[key] = With(profile, rest[(policyDot + 1)..], value, name);
        }

        return profiles.Aggregate(baseline, (o, kv) => o.With(kv.Key.Item1, kv.Key.Item2, kv.Value));
    }

    private static QosProfile With(QosProfile p, string policy, RosParameterValue value, string name)
    {
        var text = value.ToString().ToLowerInvariant();
        return policy switch
        {
            "reliability" => p with { Reliability = text switch { "reliable" => ReliabilityPolicy.Reliable, "best_effort" => ReliabilityPolicy.BestEffort, "system_default" => ReliabilityPolicy.SystemDefault, _ => throw Bad(name, text, "reliable, best_effort, system_default") } },
            "durability" => p with { Durability = text switch { "volatile" => DurabilityPolicy.Volatile, "transient_local" => DurabilityPolicy.TransientLocal, "system_default" => DurabilityPolicy.SystemDefault, _ => throw Bad(name, text, "volatile, transient_local, system_default") } },
            "history" => p with { History = text switch { "keep_last" => HistoryPolicy.KeepLast, "keep_all" => HistoryPolicy.KeepAll, "system_default" => HistoryPolicy.SystemDefault, _ => throw Bad(name, text, "keep_last, keep_all, system_default") } },
            "depth" => p with { Depth = value.Value is long d and > 0 and <= int.MaxValue ? (int)d : throw Bad(name, text, "a positive integer") },
            "deadline" => p with { Deadline = Nanoseconds(value, name) },
            "lifespan" => p with { Lifespan = Nanoseconds(value, name) },
            "liveliness_lease_duration" => p with { LivelinessLeaseDuration = Nanoseconds(value, name) },
            "liveliness" => p with { Liveliness = text switch { "automatic" => LivelinessPolicy.Automatic, "manual_by_topic" => LivelinessPolicy.ManualByTopic, "system_default" => LivelinessPolicy.SystemDefault, _ => throw Bad(name, text, "automatic, manual_by_topic, system_default") } },
            _ => throw new RosArgumentException($"QoS override '{name}': unknown policy '{policy}' (reliability, durability, history, depth, deadline, lifespan, liveliness, liveliness_lease_duration)."),
        };
    }

    private static TimeSpan Nanoseconds(RosParameterValue value, string name) =>
        value.Value is long ns and >= 0 ? TimeSpan.FromTicks(ns / 100) : throw Bad(name, value.ToString(), "a duration in nanoseconds (integer >= 0)");

    private static RosArgumentException Bad(string name, string got, string expected) =>
        new($"QoS override '{name}' = '{got}': expected {expected}.");

}
