using System.Globalization;
using System.Text;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Player;

/// <summary>
/// rosbag2's <c>offered_qos_profiles</c> string (integer form, as metadata.yaml versions 4–8, db3
/// rows and MCAP channel metadata hold it) to and from <see cref="QosProfile"/>. Stateless.
/// </summary>
public static class OfferedQosYaml
{
    /// <summary>Formats profiles as rosbag2 writes them (a YAML list, durations as sec/nsec).</summary>
    public static string Format(IEnumerable<QosProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var sb = new StringBuilder();
        foreach (var p in profiles)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append("- history: ").Append((int)p.History)
              .Append("\n  depth: ").Append(p.Depth.ToString(CultureInfo.InvariantCulture))
              .Append("\n  reliability: ").Append((int)p.Reliability)
              .Append("\n  durability: ").Append((int)p.Durability);
            Duration(sb, "deadline", p.Deadline);
            Duration(sb, "lifespan", p.Lifespan);
            sb.Append("\n  liveliness: ").Append((int)p.Liveliness);
            Duration(sb, "liveliness_lease_duration", p.LivelinessLeaseDuration);
            sb.Append("\n  avoid_ros_namespace_conventions: ").Append(p.AvoidRosNamespaceConventions ? "true" : "false");
        }

        return sb.ToString();
    }

    /// <summary>
    /// Parses the integer form leniently: unknown keys are ignored, unknown enum values (rmw's
    /// "unknown", "best available") become system default, and a text that is not a profile list
    /// yields no profiles (the caller falls back to a default).
    /// </summary>
    public static IReadOnlyList<QosProfile> Parse(string? text)
    {
        var result = new List<QosProfile>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        Dictionary<string, long>? current = null;
        string? durationKey = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    result.Add(Build(current));
                }

                current = new Dictionary<string, long>(StringComparer.Ordinal);
                line = line.TrimStart()[2..];
                durationKey = null;
            }

            if (current is null)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            var nested = line.StartsWith("    ", StringComparison.Ordinal) && durationKey is not null;
            if (value.Length == 0)
            {
                durationKey = key;
                continue;
            }

            if (!nested)
            {
                durationKey = null;
            }

            var name = nested ? durationKey + "." + key : key;
            if (value is "true" or "false")
            {
                current[name] = value == "true" ? 1 : 0;
            }
            else if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                current[name] = n;
            }
        }

        if (current is not null)
        {
            result.Add(Build(current));
        }

        return result;
    }

    private static QosProfile Build(Dictionary<string, long> v)
    {
        var history = (int)v.GetValueOrDefault("history", 1) switch { 1 => HistoryPolicy.KeepLast, 2 => HistoryPolicy.KeepAll, _ => HistoryPolicy.SystemDefault };
        return new QosProfile
        {
            History = history,
            Depth = (int)Math.Clamp(v.GetValueOrDefault("depth", 0), 0, int.MaxValue),
            Reliability = (int)v.GetValueOrDefault("reliability", 0) switch { 1 => ReliabilityPolicy.Reliable, 2 => ReliabilityPolicy.BestEffort, _ => ReliabilityPolicy.SystemDefault },
            Durability = (int)v.GetValueOrDefault("durability", 0) switch { 1 => DurabilityPolicy.TransientLocal, 2 => DurabilityPolicy.Volatile, _ => DurabilityPolicy.SystemDefault },
            Deadline = Time(v, "deadline"),
            Lifespan = Time(v, "lifespan"),
            Liveliness = (int)v.GetValueOrDefault("liveliness", 0) switch { 1 => LivelinessPolicy.Automatic, 3 => LivelinessPolicy.ManualByTopic, _ => LivelinessPolicy.SystemDefault },
            LivelinessLeaseDuration = Time(v, "liveliness_lease_duration"),
            AvoidRosNamespaceConventions = v.GetValueOrDefault("avoid_ros_namespace_conventions") != 0,
        };
    }

    // rmw writes "infinite" as sec 2147483647 nsec 4294967295 (Jazzy) or 9223372036/854775807
    // (INT64_MAX ns); ROS zero means infinite too. Passing such a value on as a finite duration
    // overflows DDS's 32-bit seconds and peers reject the endpoint, so all of them become zero.
    private static TimeSpan Time(Dictionary<string, long> v, string key)
    {
        var sec = v.GetValueOrDefault(key + ".sec");
        var nsec = v.GetValueOrDefault(key + ".nsec");
        if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000 || sec >= 100L * 365 * 24 * 3600 || sec >= int.MaxValue)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromSeconds(sec) + TimeSpan.FromTicks(nsec / 100);
    }

    private static void Duration(StringBuilder sb, string key, TimeSpan value)
    {
        var ns = value.Ticks * 100;
        sb.Append("\n  ").Append(key).Append(":\n    sec: ").Append((ns / 1_000_000_000).ToString(CultureInfo.InvariantCulture))
          .Append("\n    nsec: ").Append((ns % 1_000_000_000).ToString(CultureInfo.InvariantCulture));
    }
}
