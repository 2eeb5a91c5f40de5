using Apprentice.Nodes.Recorder;
using Apprentice.Sim;
using Apprentice.Sim.Tasks;
using Serilog;

namespace Apprentice.Nodes.Pipeline;

/// <summary>What a collection run produced.</summary>
/// <param name="BagDirectory">The MCAP bag.</param>
/// <param name="Episodes">Episodes recorded.</param>
/// <param name="Succeeded">Episodes the expert solved.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record CollectResult(string BagDirectory, int Episodes, int Succeeded, TimeSpan Elapsed);

/// <summary>
/// Expert demonstrations recorded by the real recorder node in lockstep: one recorder episode (task label, success flag)
/// per reach episode <c>Task.Generate(seed, i)</c>, i = 0..N-1.
/// </summary>
public static class DemoCollector
{
    /// <summary>Records <paramref name="episodes"/> expert episodes into the bag <paramref name="bagDirectory"/> (must not exist or be empty).</summary>
    public static CollectResult Collect(ReachSetup setup, int episodes, int seed, string bagDirectory, IProgress<int>? progress = null, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(episodes);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var options = setup.Sim();
        using var sim = ReachSimulation.Load(options);
        var recording = new RecorderOptions { OutputDirectory = bagDirectory, All = true, ExcludeRegex = "^/(diagnostics|clock|rosout|parameter_events)$" };
        var succeeded = 0;
        using (var harness = new LockstepHarness(sim, ReachSetup.Expert(options), new LockstepOptions { Driver = Driver.Expert, Recording = recording }, setup.Registry(), log ?? Serilog.Core.Logger.None))
        {
            for (var i = 0; i < episodes; i++)
            {
                succeeded += harness.RunEpisode(sim.Task.Generate(seed, i), "expert").Outcome.Success ? 1 : 0;
                progress?.Report(i + 1);
            }
        }

        return new CollectResult(bagDirectory, episodes, succeeded, started.Elapsed);
    }
}
