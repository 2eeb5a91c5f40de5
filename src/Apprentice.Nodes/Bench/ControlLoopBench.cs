using Apprentice.Core.Policies;
using Apprentice.Core.Status;
using Apprentice.Onnx.Runtime;
using Apprentice.Onnx.Writer;
using Serilog;

namespace Apprentice.Nodes.Bench;

/// <summary>
/// <c>apprentice bench control-loop</c>: the full control tick (snapshot → preprocess → inference →
/// publish to a no-op sink) beside a bare ONNX Runtime IOBinding run of the same model on the same
/// session, interleaved tick by tick so both see the same machine state.
/// </summary>
public static class ControlLoopBench
{
    /// <summary>The 7 joints both reference policies command.</summary>
    public static readonly IReadOnlyList<string> JointNames =
        ["joint1", "joint2", "joint3", "joint4", "joint5", "joint6", "joint7"];

    /// <summary>Runs one scenario on one provider.</summary>
    /// <param name="scenario">Which reference policy.</param>
    /// <param name="provider"><c>cpu</c> or <c>cuda</c>; CUDA falls back to the CPU with a reason.</param>
    /// <param name="ticks">Measured ticks (a tenth as many warm-up ticks run first).</param>
    /// <param name="workDirectory">Where the sample model is written.</param>
    /// <param name="logger">Provider choice and warm-up are logged here.</param>
    /// <param name="clock">Clock of the loop and of the measurements.</param>
    public static BenchResult Run(
        BenchScenario scenario, string provider, int ticks, string workDirectory, ILogger logger, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(ticks, 1);
        var model = Path.Combine(workDirectory, scenario == BenchScenario.Mlp ? "bench_mlp.onnx" : "bench_cnn.onnx");
        (scenario == BenchScenario.Mlp ? SamplePolicyModels.Mlp(JointNames) : SamplePolicyModels.Cnn(JointNames)).Save(model);
        using var session = OnnxPolicySession.Load(
            new OnnxPolicyOptions { ModelPath = model, ExecutionProvider = provider, RobotJointNames = [.. JointNames] },
            logger, clock);
        var rig = new BenchRig(scenario, new OnnxPolicy(session), JointNames, clock);

        for (var i = 0; i < Math.Max(10, ticks / 10); i++)
        {
            rig.Feed();
            rig.Loop.Update(Core.Time.MonotonicTime.Now(clock), rig.Period);
            session.Run(rig.Budget);
        }

        rig.Loop.Timings.Reset();
        var tick = new TimeSpan[ticks];
        var bare = new TimeSpan[ticks];
        long allocated = 0;
        var misses = 0;
        var nonOk = 0;
        for (var i = 0; i < ticks; i++)
        {
            rig.Feed();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = clock.GetTimestamp();
            var status = rig.Loop.Update(Core.Time.MonotonicTime.Now(clock), rig.Period);
            tick[i] = clock.GetElapsedTime(start);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            misses += tick[i] > rig.Period ? 1 : 0;
            nonOk += status.Outcome == PolicyOutcome.Ok ? 0 : 1;

            var bareStart = clock.GetTimestamp();
            session.Run(rig.Budget);
            bare[i] = clock.GetElapsedTime(bareStart);
        }

        return new BenchResult(
            scenario, provider, session.ExecutionProvider, session.FallbackReason, ticks, rig.Period,
            LatencyStats.From(tick), LatencyStats.From(bare), (double)allocated / ticks, misses, nonOk,
            Enum.GetValues<PipelineStage>().ToDictionary(s => s.ToString(), s => rig.Loop.Timings.Summarise(s).P50));
    }
}
