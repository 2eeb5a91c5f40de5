using Apprentice.Core.Policies;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Tests.Policy;

public sealed class PolicyBadInputTests
{
    private static readonly double[] Velocity = [0.1, 0, 0, 0, 0, 0, 0.1];

    [Test]
    public void NaNWrongNamesWrongSizesAndGarbageAreRejectedCountedAndNeverCrashTheNode()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity));
        rig.ConfigureAndActivate();
        rig.Feed();
        Assert.That(rig.Step()!.Value.Outcome, Is.EqualTo(PolicyOutcome.Ok));
        var joints = rig.Node.InputStats.Single(s => s.Role == "joint_states");

        Send(rig, joints, () => rig.PublishJoints(PolicyTestModels.Panda, [0, double.NaN, 0, -2, 0, 1.5, 0.7]));
        Send(rig, joints, () => rig.PublishJoints(PolicyTestModels.Panda, [0, 0, 0]));
        Assert.That(joints.Rejected, Is.EqualTo(2));

        // A message without panda_joint7 makes the input unusable: the policy does not run on it.
        Send(rig, joints, () => rig.PublishJoints(PolicyTestModels.Panda[..6], [0, 0, 0, -2, 0, 1.5]));
        Assert.That(joints.Rejected, Is.EqualTo(3));
        Assert.That(rig.Step()!.Value.Outcome, Is.EqualTo(PolicyOutcome.InputsStale));

        using var raw = rig.World.CreateRawPublisher("/joint_states", JointState.RosTypeName, QosProfiles.Default);
        raw.Publish(new byte[] { 0, 1, 0, 0, 0xff, 0xff, 0xff, 0x7f });
        Thread.Sleep(20);
        rig.Feed();
        Assert.That(rig.Step()!.Value.Outcome, Is.EqualTo(PolicyOutcome.Ok), "a good message restores the input");
    }

    private static void Send(PolicyRig rig, Nodes.Policy.InputStats stats, Action publish)
    {
        var before = stats.Received;
        publish();
        Assert.That(PolicyRig.Until(() => stats.Received > before), Is.True);
    }
}
