using Apprentice.Nodes.Policy;
using Apprentice.Onnx.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace Apprentice.Nodes.Tests.Pipeline;

/// <summary>The policy node's OOD score (it lives with the pipeline tests because it uses their trained tiny policy).</summary>
public sealed class InputOodTests
{
    [Test]
    public void TheScoreIsTheMeanSquareOfTheNormalisedInputsSoItGrowsOutOfDistribution()
    {
        using var session = OnnxPolicySession.Load(new OnnxPolicyOptions { ModelPath = PipelineFixture.Get().TinyModel, WarmupRuns = 0 }, Serilog.Core.Logger.None, new FakeTimeProvider());
        var ood = new InputOod(session);
        Assert.That(ood.Available, Is.True, "a trained policy's card carries the training statistics");
        var names = session.Card.Inputs.Select(i => i.Name).ToArray();
        Assert.That(names, Is.SupersetOf(new[] { "joint_pos", "joint_vel", "goal" }));
        foreach (var name in names)
        {
            session.Input(name).Fill(1f);
        }

        Assert.That(ood.Score(), Is.EqualTo(1).Within(1e-9), "one standard deviation everywhere");
        session.Input("goal").Fill(6f);
        var count = names.Sum(n => session.Input(n).Length);
        var goal = session.Input("goal").Length;
        Assert.That(ood.Score(), Is.EqualTo(((count - goal) + (36.0 * goal)) / count).Within(1e-9));
        session.Input("goal")[0] = float.NaN;
        Assert.That(ood.Score(), Is.EqualTo(double.PositiveInfinity));
    }
}
