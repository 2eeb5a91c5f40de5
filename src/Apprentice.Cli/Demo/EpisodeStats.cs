using Apprentice.Ros.Msgs.Apprentice;

namespace Apprentice.Cli.Demo;

/// <summary>The policy node's <c>~/status</c> ticks gathered during one episode. Thread-safe (filled on the DDS thread).</summary>
internal sealed class EpisodeStats
{
    private readonly Lock _gate = new();
    private readonly List<double> _latencyMs = [];
    private long _ticks;
    private long _safetyTicks;
    private uint _rules;
    private ulong? _firstMisses;
    private ulong _lastMisses;

    /// <summary>Status ticks so far.</summary>
    public long Ticks
    {
        get
        {
            lock (_gate)
            {
                return _ticks;
            }
        }
    }

    /// <summary>Adds one status message.</summary>
    public void Add(PolicyStatus status)
    {
        lock (_gate)
        {
            _ticks++;
            if (double.IsFinite(status.TotalLatency) && status.Outcome != PolicyStatus.OUTCOME_DISABLED)
            {
                _latencyMs.Add(status.TotalLatency * 1e3);
            }

            if (status.SafetyRulesActing != 0)
            {
                _safetyTicks++;
                _rules |= status.SafetyRulesActing;
            }

            _firstMisses ??= status.DeadlineMisses;
            _lastMisses = status.DeadlineMisses;
        }
    }

    /// <summary>A consistent copy of what was gathered.</summary>
    public (long Ticks, IReadOnlyList<double> LatencyMs, long SafetyTicks, uint RulesActing, long DeadlineMisses) Snapshot()
    {
        lock (_gate)
        {
            var misses = _firstMisses is { } first && _lastMisses >= first ? (long)(_lastMisses - first) : 0;
            return (_ticks, [.. _latencyMs], _safetyTicks, _rules, misses);
        }
    }
}
