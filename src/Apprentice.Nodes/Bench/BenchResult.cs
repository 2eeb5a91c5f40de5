namespace Apprentice.Nodes.Bench;

/// <summary>One scenario on one execution provider: the full tick beside a bare IOBinding run of the same model.</summary>
/// <param name="Scenario">Which reference policy.</param>
/// <param name="RequestedProvider">Provider asked for (<c>cpu</c> or <c>cuda</c>).</param>
/// <param name="Provider">Provider that ran (differs when CUDA fell back to the CPU).</param>
/// <param name="FallbackReason">Why the requested provider does not run; null when it does.</param>
/// <param name="Ticks">Measured ticks (after warm-up).</param>
/// <param name="Period">Control period the deadline is checked against.</param>
/// <param name="Tick">Latency of the whole tick: snapshot, preprocess, inference, publish.</param>
/// <param name="Bare">Latency of <c>RunWithBinding</c> alone on the same session.</param>
/// <param name="BytesPerTick">Managed bytes allocated per tick on the loop thread.</param>
/// <param name="DeadlineMisses">Ticks whose latency exceeded <paramref name="Period"/>.</param>
/// <param name="NonOkTicks">Ticks whose outcome was not Ok (budget exceeded, model error, ...).</param>
/// <param name="StageMedians">Median latency of each pipeline stage inside the tick, from the loop's own timings.</param>
public sealed record BenchResult(
    BenchScenario Scenario,
    string RequestedProvider,
    string Provider,
    string? FallbackReason,
    int Ticks,
    TimeSpan Period,
    LatencyStats Tick,
    LatencyStats Bare,
    double BytesPerTick,
    int DeadlineMisses,
    int NonOkTicks,
    IReadOnlyDictionary<string, TimeSpan> StageMedians)
{
    /// <summary>Median tick latency over median bare-inference latency (goal ≤ 1.10).</summary>
    public double MedianRatio => Bare.P50 > TimeSpan.Zero ? Tick.P50 / Bare.P50 : double.NaN;

    /// <summary>Fraction of ticks that missed the period.</summary>
    public double DeadlineMissRate => Ticks > 0 ? (double)DeadlineMisses / Ticks : 0;
}
