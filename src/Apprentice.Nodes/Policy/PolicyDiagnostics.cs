using System.Globalization;
using Apprentice.Core.Policies;
using Apprentice.Ros.Msgs.DiagnosticMsgs;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// The policy node's <c>/diagnostics</c> content in diagnostic_updater's conventions: one
/// <c>DiagnosticStatus</c> per input named <c>"&lt;node&gt;: input &lt;role&gt;"</c> (rate over the window, age,
/// counts; ERROR when stale or silent, WARN when samples were rejected) and one for the control
/// loop (<c>"&lt;node&gt;: control loop"</c>: p50/p99 tick latency, deadline-miss rate, safety events,
/// authority α). A value producer only, so it can be served by any diagnostics publisher.
/// </summary>
/// <remarks>Called once per diagnostics period on the control thread; allocates (strings).</remarks>
public sealed class PolicyDiagnostics
{
    private readonly string _node;
    private readonly Dictionary<string, long> _lastReceived = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastRejected = new(StringComparer.Ordinal);
    private TimeSpan? _lastTime;
    private long _lastTicks;
    private long _lastMisses;
    private long _lastActing;

    /// <summary>Creates the producer for node <paramref name="nodeName"/> (the status name prefix).</summary>
    public PolicyDiagnostics(string nodeName) => _node = nodeName;

    internal IReadOnlyList<DiagnosticStatus> Build(TimeSpan now, PolicyNode node, PolicyRuntime? runtime)
    {
        var window = _lastTime is { } t && now > t ? (now - t).TotalSeconds : double.NaN;
        var list = new List<DiagnosticStatus>();
        if (runtime is not null)
        {
            foreach (var s in runtime.Inputs.Stats)
            {
                list.Add(Input(s, Timeout(node.Options, s.Role), now, window, idleIsOk: false));
            }

            if (runtime.Takeover is { } takeover)
            {
                list.Add(Input(takeover.Stats, node.Options.Takeover.Input.Timeout, now, window, idleIsOk: true));
            }
        }

        list.Add(Loop(node, runtime, window));
        _lastTime = now;
        return list;
    }

    private static TimeSpan Timeout(PolicyNodeOptions o, string role) => role switch
    {
        "joint_states" => o.Inputs.JointStates.Timeout,
        "camera" => o.Inputs.Camera.Timeout,
        "lidar" => o.Inputs.Lidar.Timeout,
        "reference" => o.Inputs.Reference.Timeout,
        "speed_scaling" => o.Inputs.SpeedScaling.Timeout,
        _ => o.Inputs.Heartbeat.Timeout,
    };

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static KeyValue Kv(string key, string value) => new() { Key = key, Value = value };

    private DiagnosticStatus Input(InputStats s, TimeSpan timeout, TimeSpan now, double window, bool idleIsOk)
    {
        var received = s.Received;
        var rejected = s.Rejected;
        var newRejected = rejected - _lastRejected.GetValueOrDefault(s.Role);
        var rate = double.IsNaN(window) ? double.NaN : (received - _lastReceived.GetValueOrDefault(s.Role)) / window;
        _lastReceived[s.Role] = received;
        _lastRejected[s.Role] = rejected;
        var age = s.LastAccepted is { } last ? (now - last).TotalSeconds : double.PositiveInfinity;
        var stale = age > timeout.TotalSeconds;
        var (level, message) = stale && idleIsOk ? (DiagnosticStatus.OK, "idle (no fresh command)")
            : s.LastAccepted is null ? (DiagnosticStatus.ERROR, "no data received")
            : stale ? (DiagnosticStatus.ERROR, "stale: newest sample " + F(age) + " s old, timeout " + F(timeout.TotalSeconds) + " s")
            : newRejected > 0 ? (DiagnosticStatus.WARN, newRejected + " samples rejected (NaN, wrong joint names or sizes)")
            : (DiagnosticStatus.OK, "ok");
        return new DiagnosticStatus
        {
            Level = level,
            Name = _node + ": input " + s.Role,
            Message = message,
            HardwareId = s.Topic,
            Values =
            [
                Kv("topic", s.Topic), Kv("rate_hz", F(rate)), Kv("age_s", F(age)), Kv("timeout_s", F(timeout.TotalSeconds)),
                Kv("received", received.ToString(CultureInfo.InvariantCulture)), Kv("rejected", rejected.ToString(CultureInfo.InvariantCulture)),
            ],
        };
    }

    private DiagnosticStatus Loop(PolicyNode node, PolicyRuntime? r, double window)
    {
        var state = LifecycleTable.Label(node.State);
        if (r is null)
        {
            return new DiagnosticStatus
            {
                Level = node.LastError is null ? DiagnosticStatus.OK : DiagnosticStatus.ERROR,
                Name = _node + ": control loop",
                Message = node.LastError is null ? state : state + ": " + node.LastError,
                Values = [Kv("state", state)],
            };
        }

        var c = r.Loop.Counters;
        var total = r.Loop.Timings.SummariseTotal();
        r.Loop.Timings.Reset();
        var ticks = c.Ticks - _lastTicks;
        var misses = c.DeadlineMisses - _lastMisses;
        var acting = r.Stage.ActingTicks - _lastActing;
        (_lastTicks, _lastMisses, _lastActing) = (c.Ticks, c.DeadlineMisses, r.Stage.ActingTicks);
        var missRate = ticks > 0 ? (double)misses / ticks : 0;
        var status = node.LastStatus;
        var (level, message) = node.State != LifecycleState.Active ? (DiagnosticStatus.OK, state)
            : missRate > 0.05 ? (DiagnosticStatus.ERROR, "deadline misses " + F(100 * missRate) + " %")
            : missRate > 0 || status.Outcome != PolicyOutcome.Ok ? (DiagnosticStatus.WARN, status.Outcome.Describe())
            : (DiagnosticStatus.OK, "active");
        return new DiagnosticStatus
        {
            Level = level,
            Name = _node + ": control loop",
            Message = message,
            HardwareId = r.Session.ExecutionProvider,
            Values =
            [
                Kv("state", state), Kv("rate_hz", double.IsNaN(window) ? "nan" : F(ticks / window)),
                Kv("latency_p50_ms", F(total.P50.TotalMilliseconds)), Kv("latency_p99_ms", F(total.P99.TotalMilliseconds)),
                Kv("deadline_miss_rate", F(missRate)), Kv("deadline_misses", c.DeadlineMisses.ToString(CultureInfo.InvariantCulture)),
                Kv("safety_event_ticks", acting.ToString(CultureInfo.InvariantCulture)), Kv("safety_flags", r.Stage.LastStatus.ToString()),
                Kv("authority", F(status.Alpha)), Kv("source", status.Source.ToString()), Kv("intervention", status.Intervention ? "true" : "false"),
                Kv("enabled", node.Enabled ? "true" : "false"), Kv("execution_provider", r.Session.ExecutionProvider),
            ],
        };
    }
}
