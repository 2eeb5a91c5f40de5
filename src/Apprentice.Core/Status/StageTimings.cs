using HdrHistogram;

namespace Apprentice.Core.Status;

/// <summary>
/// Latency histograms (HdrHistogram, 3 significant digits, 1 ns to 60 s, recorded in ns) for
/// each <see cref="PipelineStage"/> and the whole tick.
/// </summary>
/// <remarks>
/// Thread-safety: <see cref="Record"/> runs on the control thread, wait-free and allocation-free
/// (HdrHistogram recorders). <see cref="Summarise(PipelineStage)"/>, <see cref="SummariseTotal"/>
/// and <see cref="Reset"/> may run on any other thread (for example the 1 Hz diagnostics); they
/// drain what was recorded since the last read into cumulative histograms under a reader lock.
/// Values beyond the range are clamped to it.
/// </remarks>
public sealed class StageTimings
{
    private const long HighestNs = 60L * 1_000_000_000;
    private static readonly int StageCount = Enum.GetValues<PipelineStage>().Length;
    private readonly Recorder[] _recorders;
    private readonly LongHistogram[] _cumulative;
    private readonly LongHistogram _interval = new(1, HighestNs, 3);
    private readonly Lock _readLock = new();

    /// <summary>Allocates the histograms (one per stage plus the total).</summary>
    public StageTimings()
    {
        _recorders = new Recorder[StageCount + 1];
        _cumulative = new LongHistogram[StageCount + 1];
        for (var i = 0; i < _recorders.Length; i++)
        {
            _recorders[i] = new Recorder(1, HighestNs, 3, static (id, low, high, digits) => new LongHistogram(id, low, high, digits));
            _cumulative[i] = new LongHistogram(1, HighestNs, 3);
        }
    }

    /// <summary>Records one tick's stages and their total. Control thread; wait-free; allocation-free.</summary>
    public void Record(in StageLatencies latencies)
    {
        for (var i = 0; i < StageCount; i++)
        {
            _recorders[i].RecordValue(ToNs(latencies.Get((PipelineStage)i)));
        }

        _recorders[StageCount].RecordValue(ToNs(latencies.Total));
    }

    /// <summary>Percentiles of one stage since construction or the last <see cref="Reset"/>. Any thread.</summary>
    public LatencySummary Summarise(PipelineStage stage) => Read((int)stage);

    /// <summary>Percentiles of the whole tick since construction or the last <see cref="Reset"/>. Any thread.</summary>
    public LatencySummary SummariseTotal() => Read(StageCount);

    /// <summary>Starts a new window (for example after each diagnostics message). Any thread.</summary>
    public void Reset()
    {
        lock (_readLock)
        {
            for (var i = 0; i < _recorders.Length; i++)
            {
                _recorders[i].GetIntervalHistogramInto(_interval);
                _cumulative[i].Reset();
            }
        }
    }

    private LatencySummary Read(int index)
    {
        lock (_readLock)
        {
            _recorders[index].GetIntervalHistogramInto(_interval);
            var h = _cumulative[index];
            h.Add(_interval);
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
    }

    private static long ToNs(TimeSpan value) => Math.Clamp(value.Ticks * 100, 1, HighestNs);

    private static TimeSpan FromNs(long ns) => TimeSpan.FromTicks(ns / 100);
}
