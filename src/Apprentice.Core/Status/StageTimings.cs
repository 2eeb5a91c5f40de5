using HdrHistogram;

namespace Apprentice.Core.Status;

/// <summary>
/// Latency histograms (HdrHistogram, 3 significant digits, 1 µs to 60 s, recorded in ns) for
/// each <see cref="PipelineStage"/> and the whole tick.
/// </summary>
/// <remarks>
/// <see cref="Record"/> is allocation-free and meant for the control thread; values above the
/// range are clamped to it. <see cref="Summarise"/> and <see cref="Reset"/> read and write the
/// histograms and must not run concurrently with <see cref="Record"/>: the control loop calls them
/// (for example once a second) or the owner serialises access.
/// </remarks>
public sealed class StageTimings
{
    private const long HighestNs = 60L * 1_000_000_000;
    private readonly LongHistogram[] _stages;
    private readonly LongHistogram _total;

    /// <summary>Allocates the histograms.</summary>
    public StageTimings()
    {
        _stages = new LongHistogram[Enum.GetValues<PipelineStage>().Length];
        for (var i = 0; i < _stages.Length; i++)
        {
            _stages[i] = new LongHistogram(1, HighestNs, 3);
        }

        _total = new LongHistogram(1, HighestNs, 3);
    }

    /// <summary>Records one tick's stages and their total. Allocation-free.</summary>
    public void Record(in StageLatencies latencies)
    {
        for (var i = 0; i < _stages.Length; i++)
        {
            Add(_stages[i], latencies.Get((PipelineStage)i));
        }

        Add(_total, latencies.Total);
    }

    /// <summary>Percentiles of one stage.</summary>
    public LatencySummary Summarise(PipelineStage stage) => Summarise(_stages[(int)stage]);

    /// <summary>Percentiles of the whole tick.</summary>
    public LatencySummary SummariseTotal() => Summarise(_total);

    /// <summary>Clears all histograms.</summary>
    public void Reset()
    {
        foreach (var h in _stages)
        {
            h.Reset();
        }

        _total.Reset();
    }

    private static void Add(LongHistogram histogram, TimeSpan value)
    {
        var ns = Math.Clamp(value.Ticks * 100, 1, HighestNs);
        histogram.RecordValue(ns);
    }

    private static LatencySummary Summarise(LongHistogram h)
    {
        if (h.TotalCount == 0)
        {
            return default;
        }

        return new LatencySummary(
            h.TotalCount,
            FromNs(h.GetValueAtPercentile(50)),
            FromNs(h.GetValueAtPercentile(99)),
            FromNs(h.GetMaxValue()));
    }

    private static TimeSpan FromNs(long ns) => TimeSpan.FromTicks(ns / 100);
}
