using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Apprentice.Bag.Bags;

/// <summary>The summary <c>apprentice bag info</c> prints, like <c>ros2 bag info</c>.</summary>
public static class BagInfo
{
    /// <summary>Human-readable text.</summary>
    public static string Text(BagReader bag)
    {
        var sb = new StringBuilder();
        var size = bag.Files.Sum(f => new FileInfo(f.FilePath).Length);
        sb.Append(CultureInfo.InvariantCulture, $"Files:             {string.Join(", ", bag.Files.Select(f => Path.GetFileName(f.FilePath)))}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Bag size:          {size / 1024.0:F1} KiB\n");
        sb.Append(CultureInfo.InvariantCulture, $"Storage id:        {bag.Files.FirstOrDefault()?.StorageIdentifier}\n");
        if (bag.StartTimeNs is { } s && bag.EndTimeNs is { } e)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Duration:          {(e - s) / 1e9:F9}s\n");
            sb.Append(CultureInfo.InvariantCulture, $"Start:             {Stamp(s)} ({s})\n");
            sb.Append(CultureInfo.InvariantCulture, $"End:               {Stamp(e)} ({e})\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"Messages:          {bag.MessageCount}\n");
        if (bag.Files.Any(f => f.Recovered))
        {
            sb.Append("Recovered:         yes (no valid summary; run `apprentice bag reindex`)\n");
        }

        if (bag.UnlistedFiles.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"Not in metadata:   {string.Join(", ", bag.UnlistedFiles.Select(Path.GetFileName))} (run `apprentice bag reindex`)\n");
        }

        sb.Append("Topic information: ");
        var first = true;
        foreach (var t in bag.Topics)
        {
            sb.Append(first ? "" : "                   ");
            first = false;
            sb.Append(CultureInfo.InvariantCulture,
                $"Topic: {t.Name} | Type: {t.Type} | Count: {bag.MessageCounts.GetValueOrDefault(t.Name)} | Serialization Format: {t.SerializationFormat}\n");
        }

        if (first)
        {
            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Machine-readable JSON (times in ns; QoS as stored).</summary>
    public static string Json(BagReader bag)
    {
        var topics = new JsonArray(bag.Topics.Select(t => (JsonNode)new JsonObject
        {
            ["name"] = t.Name,
            ["type"] = t.Type,
            ["serialization_format"] = t.SerializationFormat,
            ["message_count"] = bag.MessageCounts.GetValueOrDefault(t.Name),
            ["offered_qos_profiles"] = t.OfferedQosProfiles,
            ["type_description_hash"] = t.TypeDescriptionHash,
        }).ToArray());
        var o = new JsonObject
        {
            ["path"] = bag.Path,
            ["storage_identifier"] = bag.Files.FirstOrDefault()?.StorageIdentifier,
            ["files"] = new JsonArray(bag.Files.Select(f => (JsonNode)Path.GetFileName(f.FilePath)).ToArray()),
            ["size_bytes"] = bag.Files.Sum(f => new FileInfo(f.FilePath).Length),
            ["message_count"] = bag.MessageCount,
            ["start_ns"] = bag.StartTimeNs,
            ["end_ns"] = bag.EndTimeNs,
            ["duration_ns"] = bag.EndTimeNs - bag.StartTimeNs,
            ["recovered"] = bag.Files.Any(f => f.Recovered),
            ["unlisted_files"] = new JsonArray(bag.UnlistedFiles.Select(f => (JsonNode)Path.GetFileName(f)).ToArray()),
            ["custom_data"] = new JsonObject((bag.Metadata?.CustomData ?? new Dictionary<string, string>())
                .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["topics"] = topics,
        };
        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string Stamp(long ns) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ns / 1_000_000).ToString("MMM d yyyy HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
