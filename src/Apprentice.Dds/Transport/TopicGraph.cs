namespace Apprentice.Dds.Transport;

/// <summary>Views over discovered endpoints, as <c>ros2 topic list -t</c> shows them.</summary>
public static class TopicGraph
{
    /// <summary>ROS topics (<c>rt/</c> only) with their ROS types, sorted by name.</summary>
    public static IReadOnlyList<(string Topic, IReadOnlyList<string> Types)> TopicNamesAndTypes(IEnumerable<DiscoveredEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var map = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var e in endpoints)
        {
            if (e.RosTopic is not { } topic)
            {
                continue;
            }

            if (!map.TryGetValue(topic, out var types))
            {
                map[topic] = types = new SortedSet<string>(StringComparer.Ordinal);
            }

            types.Add(e.RosType ?? e.DdsType);
        }

        return map.Select(kv => (kv.Key, (IReadOnlyList<string>)kv.Value.ToList())).ToList();
    }
}
