using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Qos;
using SafetyEvent = Apprentice.Ros.Msgs.Apprentice.SafetyEvent;

namespace Apprentice.Nodes.Tests.Policy;

public sealed class PolicySupervisionTests
{
    private static readonly double[] Velocity = [0.2, 0, 0, 0, 0, 0, 0.4];

    [Test]
    public void SpeedScalingScalesTheCommand()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity), new() { ["inputs.speed_scaling.topic"] = "/speed_scaling" });
        var commands = rig.Listen<Float64MultiArray>("/forward_velocity_controller/commands");
        using var scaling = rig.World.CreatePublisher<Float64>("/speed_scaling", QosProfiles.Default);
        rig.ConfigureAndActivate();
        for (var i = 0; i < 20; i++)
        {
            var before = rig.Node.InputStats.Single(s => s.Role == "speed_scaling").Received;
            scaling.Publish(new Float64 { Data = 0.5 });
            Assert.That(PolicyRig.Until(() => rig.Node.InputStats.Single(s => s.Role == "speed_scaling").Received > before), Is.True);
            rig.Feed();
            rig.Step();
        }

        Assert.That(PolicyRig.Until(() => commands.Count == 20 && rig.Statuses.Count == 20), Is.True);
        Assert.That(commands.Last().Data, Is.EqualTo(Velocity.Select(v => v * 0.5)).Within(1e-6));
        Assert.That(rig.Statuses.Last().SafetyRulesActing & SafetyEvent.CODE_SPEED_OVERRIDE, Is.Not.Zero);
    }

    [Test]
    public void AMissingHeartbeatHaltsAndReportsIt()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity), new() { ["inputs.heartbeat.topic"] = "/supervisor/heartbeat" });
        var commands = rig.Listen<Float64MultiArray>("/forward_velocity_controller/commands");
        rig.ConfigureAndActivate();
        for (var i = 0; i < 10; i++)
        {
            rig.Feed();
            rig.Step();
        }

        Assert.That(PolicyRig.Until(() => commands.Count == 10 && rig.Statuses.Count == 10), Is.True);
        Assert.That(commands.Select(c => c.Data.Max(Math.Abs)), Has.All.EqualTo(0.0));
        Assert.That(rig.Statuses.Last().SafetyRulesActing & SafetyEvent.CODE_HEARTBEAT_LOST, Is.Not.Zero);
    }
}
