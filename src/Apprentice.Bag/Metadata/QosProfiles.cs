using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Apprentice.Bag.Metadata;

/// <summary>
/// rosbag2's <c>offered_qos_profiles</c>: converts the version-9 list form with enum names into
/// the integer-form YAML string that versions 4–8, db3 <c>topics</c> rows and MCAP channel metadata
/// hold (and that both Humble and Jazzy read).
/// </summary>
public static class QosProfiles
{
    // ros2/rmw types.h: history 0 system default, 1 keep last, 2 keep all, 3 unknown;
    // reliability 1 reliable, 2 best effort, 3 unknown, 4 best available; durability 1 transient
    // local, 2 volatile, 3 unknown, 4 best available; liveliness 1 automatic, 3 manual by topic,
    // 4 unknown, 5 best available.
    private static readonly Dictionary<string, Dictionary<string, int>> Enums = new()
    {
        ["history"] = new() { ["system_default"] = 0, ["keep_last"] = 1, ["keep_all"] = 2, ["unknown"] = 3 },
        ["reliability"] = new() { ["system_default"] = 0, ["reliable"] = 1, ["best_effort"] = 2, ["unknown"] = 3, ["best_available"] = 4 },
        ["durability"] = new() { ["system_default"] = 0, ["transient_local"] = 1, ["volatile"] = 2, ["unknown"] = 3, ["best_available"] = 4 },
        ["liveliness"] = new() { ["system_default"] = 0, ["automatic"] = 1, ["manual_by_topic"] = 3, ["unknown"] = 4, ["best_available"] = 5 },
    };

    private static readonly string[] Order =
    [
        "history", "depth", "reliability", "durability", "deadline", "lifespan", "liveliness",
        "liveliness_lease_duration", "avoid_ros_namespace_conventions",
    ];

    /// <summary>Integer-form YAML string for a list of profiles given as a YAML sequence node.</summary>
    /// <exception cref="BagMetadataException">An enum name is unknown.</exception>
    public static string ToIntegerForm(YamlSequenceNode profiles)
    {
        var sb = new StringBuilder();
        foreach (var p in profiles.Children.OfType<YamlMappingNode>())
        {
            var first = true;
            foreach (var key in Order)
            {
                if (!p.Children.TryGetValue(new YamlScalarNode(key), out var value))
                {
                    continue;
                }

                sb.Append(first ? "- " : "  ").Append(key).Append(':');
                first = false;
                if (value is YamlMappingNode duration)
                {
                    sb.Append("\n    sec: ").Append(Scalar(duration, "sec"))
                      .Append("\n    nsec: ").Append(Scalar(duration, "nsec"));
                }
                else
                {
                    sb.Append(' ').Append(EnumValue(key, ((YamlScalarNode)value).Value ?? ""));
                }

                sb.Append('\n');
            }
        }

        return sb.ToString().TrimEnd('\n');
    }

    private static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value ?? "0" : "0";

    private static string EnumValue(string key, string value)
    {
        if (!Enums.TryGetValue(key, out var names) || int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        return names.TryGetValue(value.ToLowerInvariant(), out var n)
            ? n.ToString(CultureInfo.InvariantCulture)
            : throw new BagMetadataException($"offered_qos_profiles: unknown {key} '{value}'");
    }
}
