using Apprentice.Nodes.Pipeline;
using Apprentice.Testing;

namespace Apprentice.Nodes.Tests.Pipeline;

/// <summary>
/// The committed default policy still solves the task in the lockstep simulation: through the committed policy node
/// configuration (planner blending on, as <c>apprentice demo</c> runs it) and alone through the safety filter. The
/// episodes are seeded, so the counts are exact and the test is deterministic.
/// </summary>
public sealed class DefaultPolicyTests
{
    [TestCase(true)]
    [TestCase(false)]
    public void TheCommittedReachPolicySolvesAtLeastNineOfTenSeededEpisodes(bool blending)
    {
        var model = RepoPaths.Path("models", "reach_policy.onnx");
        var outcomes = ClosedLoopEvaluator.Run(PipelineFixture.Setup, [new EvalMethod("default", model, blending)], episodes: 10, perturbed: 0, seed: 7000);
        Assert.That(outcomes, Has.Count.EqualTo(10));
        Assert.That(outcomes.Count(o => o.Success), Is.GreaterThanOrEqualTo(9), string.Join(", ", outcomes.Select(o => $"{o.Seed}:{o.Success}")));
        Assert.That(outcomes.Sum(o => o.Collisions), Is.Zero);
    }
}
