using Apprentice.Nodes.Diagnostics;
using Apprentice.Ros.Msgs.DiagnosticMsgs;

namespace Apprentice.Nodes.Recorder;

// /diagnostics: one status per recorded topic ("recorder: /topic") with received/written/dropped/rate,
// WARN when messages were dropped since the last report, ERROR when the bag writer failed.
public sealed partial class RecorderNode
{
    /// <summary>The node's <c>/diagnostics</c> publisher; null when <see cref="RecorderOptions.DiagnosticsPeriod"/> is zero.</summary>
    internal DiagnosticsPublisher? Diagnostics { get; private set; }

    private void InitDiagnostics()
    {
        if (_options.DiagnosticsPeriod <= TimeSpan.Zero)
        {
            return;
        }

        Diagnostics = new DiagnosticsPublisher(_transport, _time, _options.DiagnosticsPeriod);
        Diagnostics.Add("bag", s =>
        {
            if (_writer.Error is { } e)
            {
                s.Summary(DiagnosticStatus.ERROR, "bag writer failed: " + e.Message);
            }
            else
            {
                s.Summary(DiagnosticStatus.OK, _writer.IsPaused ? "paused" : "recording");
            }

            s.Add("directory", _writer.Directory);
            s.Add("written", _writer.WrittenCount);
            s.Add("topics", _subscriptionsCount);
        });
    }

    private void AddTopicDiagnostics(string topic, TopicCounters counters)
    {
        if (Diagnostics is null)
        {
            return;
        }

        var last = counters.Snapshot();
        var lastAt = _time.GetUtcNow();
        Diagnostics.Add(topic, s =>
        {
            var now = _time.GetUtcNow();
            var c = counters.Snapshot();
            var seconds = (now - lastAt).TotalSeconds;
            var rate = seconds > 0 ? (c.Received - last.Received) / seconds : 0;
            var newDrops = c.Dropped - last.Dropped;
            if (_writer.Error is not null)
            {
                s.Summary(DiagnosticStatus.ERROR, "not recording: the bag writer failed");
            }
            else if (newDrops > 0)
            {
                s.Summary(DiagnosticStatus.WARN, $"{newDrops} dropped since the last report (cache full)");
            }
            else
            {
                s.Summary(DiagnosticStatus.OK, _writer.IsPaused ? "paused" : "recording");
            }

            s.Add("received", c.Received);
            s.Add("written", c.Written);
            s.Add("dropped", c.Dropped);
            s.Add("rate", rate);
            (last, lastAt) = (c, now);
        });
    }
}
