using System.Text.Json;
using Apprentice.Ros.Msgs.Apprentice;

namespace Apprentice.Nodes.Recorder;

/// <summary>One demonstration episode as the recorder stores it (times: receive clock, ns since the epoch).</summary>
/// <param name="Index">0-based episode number within the bag.</param>
/// <param name="Task">Task text.</param>
/// <param name="Operator">Who demonstrated.</param>
/// <param name="StartNs">When it started.</param>
/// <param name="StopNs">When it stopped or was discarded; null while running.</param>
/// <param name="Success">Outcome label; null until stopped or labelled.</param>
/// <param name="Discarded">True when discarded (its messages stay in the bag).</param>
public sealed record Episode(uint Index, string Task, string Operator, long StartNs, long? StopNs, bool? Success, bool Discarded)
{
    /// <summary>Human takeovers during the episode (from apprentice/msg/Intervention), in order; the DAgger corrections.</summary>
    public IReadOnlyList<InterventionInterval> Interventions { get; init; } = Array.Empty<InterventionInterval>();
}

/// <summary>One human takeover within an episode (times: the recorder's receive clock, ns since the epoch).</summary>
/// <param name="StartNs">When the first <c>active = true</c> message arrived (or the episode started, if already active).</param>
/// <param name="StopNs">When <c>active = false</c> arrived (or the episode ended); null while ongoing.</param>
/// <param name="Source">The takeover input's name (<c>Intervention.source</c>).</param>
public sealed record InterventionInterval(long StartNs, long? StopNs, string Source);

/// <summary>What an episode request did.</summary>
/// <param name="Ok">True when applied.</param>
/// <param name="Index">The episode concerned (0 when none).</param>
/// <param name="Message">Human text: what was done or why not.</param>
public sealed record EpisodeResult(bool Ok, uint Index, string Message);

/// <summary>The episodes of one recording: a small state machine (idle → running → stopped/discarded). Not thread-safe.</summary>
internal sealed class EpisodeLog
{
    /// <summary>LabelEpisode's "the current episode".</summary>
    public const uint Current = uint.MaxValue;

    private readonly List<Episode> _episodes = [];
    private (bool Active, string Source) _intervention = (false, "");

    public IReadOnlyList<Episode> Episodes => _episodes;

    private Episode? Running => _episodes.Count > 0 && _episodes[^1].StopNs is null ? _episodes[^1] : null;

    public (EpisodeResult, EpisodeEvent?) Start(string task, string op, long nowNs)
    {
        if (Running is { } r)
        {
            return (new EpisodeResult(false, r.Index, $"Episode {r.Index} is still running; stop or discard it first."), null);
        }

        var e = new Episode((uint)_episodes.Count, task, op, nowNs, null, null, false)
        {
            Interventions = _intervention.Active ? [new InterventionInterval(nowNs, null, _intervention.Source)] : Array.Empty<InterventionInterval>(),
        };
        _episodes.Add(e);
        return (new EpisodeResult(true, e.Index, $"Episode {e.Index} started."), Event(EpisodeEvent.EVENT_START, e, nowNs));
    }

    public (EpisodeResult, EpisodeEvent?) Stop(bool success, long nowNs)
    {
        if (Running is not { } r)
        {
            return (new EpisodeResult(false, 0, "No episode is running."), null);
        }

        var e = _episodes[^1] = CloseInterventions(r, nowNs) with { StopNs = nowNs, Success = success };
        return (new EpisodeResult(true, e.Index, $"Episode {e.Index} stopped ({(success ? "success" : "failure")})."), Event(EpisodeEvent.EVENT_STOP, e, nowNs));
    }

    public (EpisodeResult, EpisodeEvent?) Discard(long nowNs)
    {
        if (Running is not { } r)
        {
            return (new EpisodeResult(false, 0, "No episode is running."), null);
        }

        var e = _episodes[^1] = CloseInterventions(r, nowNs) with { StopNs = nowNs, Discarded = true };
        return (new EpisodeResult(true, e.Index, $"Episode {e.Index} discarded."), Event(EpisodeEvent.EVENT_DISCARD, e, nowNs));
    }

    /// <summary>Sets labels; empty <paramref name="task"/>/<paramref name="op"/> keep the old ones.</summary>
    public (EpisodeResult, EpisodeEvent?) Label(uint index, string task, string op, bool success, long nowNs)
    {
        var i = index == Current ? _episodes.Count - 1 : (long)index;
        if (i < 0 || i >= _episodes.Count)
        {
            return (new EpisodeResult(false, index == Current ? 0 : index, index == Current ? "There is no episode yet." : $"There is no episode {index} (the bag has {_episodes.Count})."), null);
        }

        var old = _episodes[(int)i];
        var e = _episodes[(int)i] = old with
        {
            Task = task.Length > 0 ? task : old.Task,
            Operator = op.Length > 0 ? op : old.Operator,
            Success = success,
        };
        return (new EpisodeResult(true, e.Index, $"Episode {e.Index} labelled."), Event(EpisodeEvent.EVENT_LABEL, e, nowNs));
    }

    /// <summary>
    /// Applies one Intervention message: a change of <paramref name="active"/> opens or closes an
    /// interval of the running episode. Returns true when an episode changed (repeats of the same
    /// state, sent at 1 Hz, change nothing).
    /// </summary>
    public bool Intervention(bool active, string source, long nowNs)
    {
        if (active == _intervention.Active)
        {
            return false;
        }

        _intervention = (active, source ?? "");
        if (Running is not { } r)
        {
            return false;
        }

        _episodes[^1] = active
            ? r with { Interventions = [.. r.Interventions, new InterventionInterval(nowNs, null, _intervention.Source)] }
            : CloseInterventions(r, nowNs);
        return true;
    }

    private static Episode CloseInterventions(Episode e, long nowNs) =>
        e.Interventions.Any(i => i.StopNs is null)
            ? e with { Interventions = [.. e.Interventions.Select(i => i.StopNs is null ? i with { StopNs = nowNs } : i)] }
            : e;

    /// <summary>The episodes as the JSON array stored in <c>custom_data</c>.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartArray();
            foreach (var e in _episodes)
            {
                w.WriteStartObject();
                w.WriteNumber("index", e.Index);
                w.WriteString("task", e.Task);
                w.WriteString("operator", e.Operator);
                w.WriteNumber("start_ns", e.StartNs);
                if (e.StopNs is { } stop)
                {
                    w.WriteNumber("stop_ns", stop);
                }
                else
                {
                    w.WriteNull("stop_ns");
                }

                if (e.Success is { } s)
                {
                    w.WriteBoolean("success", s);
                }
                else
                {
                    w.WriteNull("success");
                }

                w.WriteBoolean("discarded", e.Discarded);
                w.WriteStartArray("interventions");
                foreach (var i in e.Interventions)
                {
                    w.WriteStartObject();
                    w.WriteNumber("start_ns", i.StartNs);
                    if (i.StopNs is { } end)
                    {
                        w.WriteNumber("stop_ns", end);
                    }
                    else
                    {
                        w.WriteNull("stop_ns");
                    }

                    w.WriteString("source", i.Source);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static EpisodeEvent Event(byte kind, Episode e, long nowNs)
    {
        var m = new EpisodeEvent { Event = kind, EpisodeIndex = e.Index, Task = e.Task, OperatorName = e.Operator, Success = e.Success ?? false };
        m.Header.Stamp.Sec = (int)(nowNs / 1_000_000_000);
        m.Header.Stamp.Nanosec = (uint)(nowNs % 1_000_000_000);
        return m;
    }
}
