namespace Apprentice.Ros.Qos;

/// <summary>Which side of a topic a QoS applies to.</summary>
public enum EndpointKind
{
    /// <summary>A publisher (DDS writer).</summary>
    Publisher,
    /// <summary>A subscription (DDS reader).</summary>
    Subscription,
}

/// <summary>
/// Per-topic QoS replacing the profile the code asked for, keyed by fully-qualified topic name
/// and endpoint kind (like rclcpp's <c>qos_overrides./topic.publisher</c> parameters).
/// Immutable and thread-safe.
/// </summary>
public sealed class QosOverrides
{
    private readonly Dictionary<(string Topic, EndpointKind Kind), QosProfile> _map;

    /// <summary>No overrides.</summary>
    public static QosOverrides None { get; } = new(new Dictionary<(string, EndpointKind), QosProfile>());

    private QosOverrides(Dictionary<(string, EndpointKind), QosProfile> map) => _map = map;

    /// <summary>A copy with <paramref name="profile"/> used for <paramref name="topic"/>'s <paramref name="kind"/> endpoints.</summary>
    public QosOverrides With(string topic, EndpointKind kind, QosProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!topic.StartsWith('/'))
        {
            throw new ArgumentException($"QoS override topic '{topic}' must be fully qualified (start with '/').", nameof(topic));
        }

        var copy = new Dictionary<(string, EndpointKind), QosProfile>(_map) { [(topic, kind)] = profile.Validate(topic) };
        return new QosOverrides(copy);
    }

    /// <summary>The override for this endpoint, or <paramref name="requested"/> when none is set.</summary>
    public QosProfile Resolve(string topic, EndpointKind kind, QosProfile requested) =>
        _map.TryGetValue((topic, kind), out var p) ? p : requested;
}
