using System.Text.Json;
using Apprentice.Bag.Bags;
using Apprentice.Ros.Msgs.Apprentice;

namespace Apprentice.Learning.Dataset;

/// <summary>
/// The episodes of a bag: from the recorder's EpisodeEvent messages when the bag has them, else
/// from metadata.yaml <c>custom_data["apprentice.episodes"]</c>, else the whole bag as one episode.
/// </summary>
internal static class EpisodeReader
{
    public const string CustomDataKey = "apprentice.episodes";

    public static IReadOnlyList<EpisodeInfo> Read(BagReader bag, string episodeTopic)
    {
        if (bag.Topics.Any(t => t.Name == episodeTopic && t.Type == EpisodeEvent.RosTypeName))
        {
            var fromEvents = FromEvents(bag.ReadMessages<EpisodeEvent>(episodeTopic).Select(m => (m.Raw.RecvTimestampNs, m.Message)));
            if (fromEvents.Count > 0)
            {
                return fromEvents;
            }
        }

        if (bag.Metadata?.CustomData.TryGetValue(CustomDataKey, out var json) == true)
        {
            return FromJson(json, bag.Path);
        }

        return bag.StartTimeNs is { } start ? [new EpisodeInfo(0, "", start, bag.EndTimeNs, null, false)] : [];
    }

    /// <summary>Replays the recorder's state machine from its events (START, STOP, DISCARD, LABEL).</summary>
    public static List<EpisodeInfo> FromEvents(IEnumerable<(long TimeNs, EpisodeEvent Event)> events)
    {
        var episodes = new SortedDictionary<uint, EpisodeInfo>();
        foreach (var (t, e) in events)
        {
            episodes.TryGetValue(e.EpisodeIndex, out var old);
            episodes[e.EpisodeIndex] = e.Event switch
            {
                EpisodeEvent.EVENT_START => new EpisodeInfo(e.EpisodeIndex, e.Task, t, null, null, false),
                EpisodeEvent.EVENT_STOP when old is not null => old with { StopNs = t, Success = e.Success },
                EpisodeEvent.EVENT_DISCARD when old is not null => old with { StopNs = t, Discarded = true },
                EpisodeEvent.EVENT_LABEL when old is not null => old with { Task = e.Task.Length > 0 ? e.Task : old.Task, Success = e.Success },
                _ => old!,
            };
            if (episodes[e.EpisodeIndex] is null)
            {
                episodes.Remove(e.EpisodeIndex);
            }
        }

        return [.. episodes.Values];
    }

    public static List<EpisodeInfo> FromJson(string json, string bagPath)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var list = new List<EpisodeInfo>();
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                list.Add(new EpisodeInfo(
                    e.GetProperty("index").GetUInt32(),
                    e.TryGetProperty("task", out var task) ? task.GetString() ?? "" : "",
                    e.GetProperty("start_ns").GetInt64(),
                    e.TryGetProperty("stop_ns", out var stop) && stop.ValueKind == JsonValueKind.Number ? stop.GetInt64() : null,
                    e.TryGetProperty("success", out var ok) && ok.ValueKind is JsonValueKind.True or JsonValueKind.False ? ok.GetBoolean() : null,
                    e.TryGetProperty("discarded", out var d) && d.ValueKind == JsonValueKind.True));
            }

            return list;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new DatasetException(
                $"{bagPath}: metadata.yaml custom_data '{CustomDataKey}' is not the recorder's episode list ({ex.Message}); fix or remove it.", ex)
            { BagPath = bagPath };
        }
    }
}
