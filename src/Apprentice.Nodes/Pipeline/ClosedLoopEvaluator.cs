using Apprentice.Nodes.Evaluation;
using Apprentice.Sim;
using Apprentice.Sim.Perturbations;
using Apprentice.Sim.Scene;
using Apprentice.Sim.Tasks;
using Serilog;

namespace Apprentice.Nodes.Pipeline;

/// <summary>
/// Closed-loop evaluation in lockstep: for each method, <c>episodes</c> nominal episodes <c>Generate(seed + i, 0)</c> and
/// <c>perturbed</c> episodes <c>Generate(seed + 100000 + k, 0)</c> with one perturbation each, cycling push, /joint_states
/// dropout, /joint_states delay and obstacle intrusion. Every method sees the same episodes.
/// </summary>
public static class ClosedLoopEvaluator
{
    /// <summary>Offset of the perturbed episodes' seeds.</summary>
    public const int PerturbedSeedOffset = 100_000;

    private static readonly (string Label, PerturbationOptions Options)[] Kinds =
    [
        ("push", PerturbationOptions.None with { Push = true }),
        ("dropout", PerturbationOptions.None with { Dropout = true }),
        ("delay", PerturbationOptions.None with { Delay = true }),
        ("intrusion", PerturbationOptions.None with { Intrusion = true }),
    ];

    /// <summary>Runs every method; <paramref name="progress"/> gets (method, episodes done, episodes of the method).</summary>
    public static IReadOnlyList<EpisodeOutcome> Run(
        ReachSetup setup, IReadOnlyList<EvalMethod> methods, int episodes, int perturbed, int seed, IProgress<(string Method, int Done, int Total)>? progress = null, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentOutOfRangeException.ThrowIfNegative(episodes);
        ArgumentOutOfRangeException.ThrowIfNegative(perturbed);
        var options = setup.Sim();
        using var sim = ReachSimulation.Load(options);
        var outcomes = new List<EpisodeOutcome>();
        foreach (var m in methods)
        {
            outcomes.AddRange(RunMethod(setup, sim, options, m, episodes, perturbed, seed, progress, log ?? Serilog.Core.Logger.None));
        }

        return outcomes;
    }

    /// <summary>The perturbation schedule of perturbed episode <paramref name="k"/> (and its label).</summary>
    public static (ReachEpisode Episode, PerturbationSchedule Schedule, string Label) Perturbed(ReachSimulation sim, int seed, int k)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var episode = sim.Task.Generate(seed + PerturbedSeedOffset + k, 0);
        sim.Reset(episode);
        var (label, kind) = Kinds[k % Kinds.Length];
        return (episode, PerturbationSchedule.Generate(episode, sim.Tcp, kind), label);
    }

    private static List<EpisodeOutcome> RunMethod(
        ReachSetup setup, ReachSimulation sim, ReachOptions options, EvalMethod m, int episodes, int perturbed, int seed, IProgress<(string, int, int)>? progress, ILogger log)
    {
        var lockstep = m.ModelPath is null
            ? new LockstepOptions { Driver = Driver.Expert }
            : new LockstepOptions { Driver = Driver.Policy, Policy = setup.Policy(m.ModelPath, m.Blending, m.AnchorPath) };
        var outcomes = new List<EpisodeOutcome>();
        using var harness = new LockstepHarness(sim, ReachSetup.Expert(options), lockstep, null, log);
        var total = episodes + perturbed;
        for (var i = 0; i < episodes; i++)
        {
            outcomes.Add(harness.RunEpisode(sim.Task.Generate(seed + i, 0), m.Name).Outcome);
            progress?.Report((m.Name, i + 1, total));
        }

        for (var k = 0; k < perturbed; k++)
        {
            var (episode, schedule, label) = Perturbed(sim, seed, k);
            outcomes.Add(harness.RunEpisode(episode, m.Name, schedule, label).Outcome);
            progress?.Report((m.Name, episodes + k + 1, total));
        }

        return outcomes;
    }
}
