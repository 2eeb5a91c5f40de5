using Apprentice.Ros.Msgs.StdMsgs;
using PolicyStatusMsg = Apprentice.Ros.Msgs.Apprentice.PolicyStatus;
using SafetyEvent = Apprentice.Ros.Msgs.Apprentice.SafetyEvent;

namespace Apprentice.Nodes.Tests.Policy;

public sealed class PolicyTakeoverTests
{
    private static readonly double[] Velocity = [0.05, 0, 0, 0, 0, 0, 0.1];

    [Test]
    public void FreshTeleopWinsIsClippedToTheVelocityLimitAndIsPublishedAsAnIntervention()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity));
        var commands = rig.Listen<Float64MultiArray>("/forward_velocity_controller/commands");
        rig.ConfigureAndActivate();
        for (var i = 0; i < 5; i++)
        {
            rig.Feed();
            Assert.That(rig.Step()!.Value.Intervention, Is.False);
        }

        double[] human = [0, 0, 0, 0, 0, 0, -5.0];
        const double Joint7Limit = 2.61;
        for (var i = 0; i < 22; i++)
        {
            rig.Feed();
            rig.Teleop(human);
            var s = rig.Step()!.Value;
            Assert.That((s.Intervention, s.Source, s.Alpha), Is.EqualTo((true, Core.Status.CommandSource.Human, 0.0)));
        }

        Assert.That(PolicyRig.Until(() => commands.Count == 27), Is.True);
        var during = commands.Skip(5).ToArray();
        Assert.That(during.Select(c => c.Data[6]), Has.All.GreaterThanOrEqualTo(-Joint7Limit - 1e-9), "the human command is safety-filtered");
        Assert.That(during[^1].Data[6], Is.EqualTo(-Joint7Limit).Within(1e-6), "clipped to the velocity limit, not halted");
        Assert.That(during[^1].Data[0], Is.EqualTo(0).Within(1e-9), "the policy's command is replaced, not blended");

        // Teleop stops: once it is older than takeover.timeout_s the policy drives again.
        for (var i = 0; i < 10; i++)
        {
            rig.Feed();
            rig.Step();
        }

        var after = rig.Node.LastStatus;
        Assert.That((after.Intervention, after.Source), Is.EqualTo((false, Core.Status.CommandSource.Policy)));
        Assert.That(PolicyRig.Until(() => rig.Interventions.Count == 3), Is.True, "start, 1 Hz repeat, end");
        Assert.That(rig.Interventions.Select(m => (m.Active, m.Source)), Is.EqualTo(new[] { (true, "teleop"), (true, "teleop"), (false, "teleop") }));
        var first = rig.Interventions.First();
        Assert.That((first.Started.Sec, first.Started.Nanosec), Is.EqualTo((rig.Interventions.Last().Started.Sec, rig.Interventions.Last().Started.Nanosec)), "started marks the interval start");
        Assert.That(PolicyRig.Until(() => rig.Statuses.Count == 37), Is.True);
        var statuses = rig.Statuses.ToArray();
        Assert.That(statuses.Skip(5).Take(22).Select(m => (m.Intervention, m.CommandSource)), Has.All.EqualTo((true, PolicyStatusMsg.SOURCE_HUMAN)));
        Assert.That(statuses.Skip(5).Take(22).Any(m => (m.SafetyRulesActing & SafetyEvent.CODE_VELOCITY_LIMIT) != 0), Is.True);
    }

    [Test]
    public void TeleopOfTheWrongSizeIsRejectedAndDoesNotTakeOver()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity));
        rig.ConfigureAndActivate();
        rig.Feed();
        rig.Teleop([1, 2, 3]);
        rig.Teleop([double.NaN, 0, 0, 0, 0, 0, 0]);
        Assert.That(rig.Step()!.Value.Intervention, Is.False);
        Assert.That(rig.Node.InputStats.Single(s => s.Role == "takeover").Rejected, Is.EqualTo(2));
    }
}
