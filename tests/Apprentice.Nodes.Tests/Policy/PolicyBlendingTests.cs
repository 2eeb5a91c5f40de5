using Apprentice.Ros.Msgs.StdMsgs;
using PolicyStatusMsg = Apprentice.Ros.Msgs.Apprentice.PolicyStatus;

namespace Apprentice.Nodes.Tests.Policy;

public sealed class PolicyBlendingTests
{
    [Test]
    public void ThePlannerLeadsTowardTheGoalUntilTheAuthorityRises()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(new double[7]), new() { ["safety.blending"] = true });
        var commands = rig.Listen<Float64MultiArray>("/forward_velocity_controller/commands");
        rig.ConfigureAndActivate();
        var alphas = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            rig.Feed();
            alphas.Add(rig.Step()!.Value.Alpha);
        }

        Assert.That(alphas[0], Is.EqualTo(0.025).Within(1e-9), "α starts at safety.initial_alpha 0 and rises at 0.5/s");
        Assert.That(alphas[^1], Is.EqualTo(0.75).Within(1e-9));
        Assert.That(PolicyRig.Until(() => commands.Count == 30 && rig.Statuses.Count == 30), Is.True);
        Assert.That(commands.Take(10).Max(c => c.Data.Max(Math.Abs)), Is.GreaterThan(1e-3), "the policy commands zero; motion comes from the planner toward /goal_pose");
        Assert.That(rig.Statuses.Select(s => s.CommandSource).Distinct(), Is.EqualTo(new[] { PolicyStatusMsg.SOURCE_BLEND }));
    }

    [Test]
    public void DisablingHaltsSmoothlyAndReportsDisabledEnablingResumes()
    {
        double[] velocity = [0.2, 0, 0, 0, 0, 0, 2.5];
        using var rig = new PolicyRig(PolicyTestModels.Reach(velocity));
        var commands = rig.Listen<Float64MultiArray>("/forward_velocity_controller/commands");
        rig.ConfigureAndActivate();
        for (var i = 0; i < 10; i++)
        {
            rig.Feed();
            rig.Step();
        }

        rig.Node.SetEnabled(false);
        for (var i = 0; i < 10; i++)
        {
            rig.Feed();
            rig.Step();
        }

        Assert.That(PolicyRig.Until(() => commands.Count == 20 && rig.Statuses.Count == 20), Is.True);
        var halting = commands.Skip(10).Select(c => c.Data[6]).ToArray();
        Assert.That(halting[0], Is.GreaterThan(0), "no jump to zero");
        Assert.That(halting.Zip(halting.Skip(1)).Select(p => p.First - p.Second), Has.All.LessThanOrEqualTo((20 * 0.05) + 1e-9), "within the deceleration limit");
        Assert.That(halting[^1], Is.EqualTo(0).Within(1e-9));
        Assert.That(rig.Statuses.Last().Outcome, Is.EqualTo(PolicyStatusMsg.OUTCOME_DISABLED));

        rig.Node.SetEnabled(true);
        Assert.That(rig.Node.Reset(), Is.True);
        for (var i = 0; i < 10; i++)
        {
            rig.Feed();
            rig.Step();
        }

        Assert.That(PolicyRig.Until(() => commands.Count == 30), Is.True);
        Assert.That(commands.Last().Data, Is.EqualTo(velocity).Within(1e-6));
    }
}
