using Apprentice.Core.Policies.Card;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Msgs.TrajectoryMsgs;
using PolicyStatusMsg = Apprentice.Ros.Msgs.Apprentice.PolicyStatus;

namespace Apprentice.Nodes.Tests.Policy;

public sealed class PolicyOutputTests
{
    private static readonly double[] Velocity = [0.1, -0.1, 0.1, 0.1, -0.1, 0.1, 2.0];

    [Test]
    public void VelocityArrayCarriesThePolicyVelocityOnceTheFilterHasRampedUp()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity));
        var commands = rig.Listen<Float64MultiArray>("/forward_velocity_controller/commands");
        Run(rig, 20);
        Assert.That(PolicyRig.Until(() => commands.Count == 20), Is.True);
        var all = commands.ToArray();
        Assert.That(all[^1].Data, Is.EqualTo(Velocity).Within(1e-6));
        Assert.That(Math.Abs(all[0].Data[6]), Is.LessThan(Velocity[6]), "the first command must not jump to the target");
        Assert.That(PolicyRig.Until(() => rig.Statuses.Count == 20), Is.True);
        var last = rig.Statuses.Last();
        Assert.That((last.Outcome, last.CommandSource, last.PolicyAuthority, last.Intervention), Is.EqualTo((PolicyStatusMsg.OUTCOME_OK, PolicyStatusMsg.SOURCE_POLICY, 1.0, false)));
        Assert.That(last.ExecutionProvider, Is.EqualTo("cpu"));
        Assert.That(last.Budget, Is.EqualTo(0.04).Within(1e-9), "80 % of the card's 20 Hz period");
    }

    [Test]
    public void PositionArrayIntegratesSafeVelocitiesFromTheMeasuredPosition()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity), new() { ["output.mode"] = "position", ["output.topic"] = "/forward_position_controller/commands" });
        var commands = rig.Listen<Float64MultiArray>("/forward_position_controller/commands");
        Run(rig, 20);
        Assert.That(PolicyRig.Until(() => commands.Count == 20), Is.True);
        var all = commands.ToArray();
        for (var j = 0; j < 7; j++)
        {
            Assert.That(Math.Abs(all[0].Data[j] - PolicyRig.Ready[j]), Is.LessThanOrEqualTo((Math.Abs(Velocity[j]) * 0.05) + 1e-6), "starts at the measured position");
            Assert.That(all[^1].Data[j] - all[^2].Data[j], Is.EqualTo(Velocity[j] * 0.05).Within(1e-6), "moves at the safe velocity");
        }
    }

    [Test]
    public void SingleTrajectoryHasOnePointOnePeriodAheadForTheConfiguredJoints()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity), new() { ["output.kind"] = "joint_trajectory", ["output.mode"] = "single", ["output.topic"] = "/joint_trajectory_controller/joint_trajectory" });
        var commands = rig.Listen<JointTrajectory>("/joint_trajectory_controller/joint_trajectory");
        Run(rig, 20);
        Assert.That(PolicyRig.Until(() => commands.Count == 20), Is.True);
        var last = commands.Last();
        Assert.That(last.JointNames, Is.EqualTo(PolicyTestModels.Panda));
        Assert.That(last.Points, Has.Length.EqualTo(1));
        Assert.That((last.Points[0].TimeFromStart.Sec, last.Points[0].TimeFromStart.Nanosec), Is.EqualTo((0, 50_000_000u)));
        Assert.That(last.Points[0].Velocities, Is.EqualTo(Velocity).Within(1e-6));
        Assert.That(last.Points[0].Positions[6], Is.GreaterThan(PolicyRig.Ready[6]));
    }

    [Test]
    public void ChunkTrajectoryCarriesTheWholeChunkOnePeriodApart()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity, chunk: 3), new() { ["output.kind"] = "joint_trajectory", ["output.mode"] = "chunk", ["output.topic"] = "/jtc/joint_trajectory" });
        var commands = rig.Listen<JointTrajectory>("/jtc/joint_trajectory");
        Run(rig, 20);
        Assert.That(PolicyRig.Until(() => commands.Count == 20), Is.True);
        var last = commands.Last();
        Assert.That(last.Points.Select(p => p.TimeFromStart.Nanosec), Is.EqualTo(new uint[] { 50_000_000, 100_000_000, 150_000_000 }));
        for (var k = 1; k < 3; k++)
        {
            Assert.That(last.Points[k].Velocities, Is.EqualTo(Velocity.Select(v => v * (1 + (0.1 * k)))).Within(1e-5), "chunk step " + k);
            for (var j = 0; j < 7; j++)
            {
                Assert.That(last.Points[k].Positions[j], Is.EqualTo(last.Points[k - 1].Positions[j] + (last.Points[k].Velocities[j] * 0.05)).Within(1e-9));
            }
        }
    }

    [Test]
    public void TwistStampedDrivesABaseWithoutAUrdf()
    {
        using var rig = new PolicyRig(PolicyTestModels.Base(0.2, -0.3), new()
        {
            ["output.kind"] = "twist_stamped", ["output.topic"] = "/cmd_vel", ["output.frame_id"] = "base_link",
            ["robot.urdf_path"] = "", ["robot.joint_limits_path"] = "", ["robot.joint_names"] = new[] { "linear_x", "angular_z" },
            ["inputs.joint_states.topic"] = "", ["inputs.reference.topic"] = "", ["takeover.topic"] = "",
        });
        var commands = rig.Listen<TwistStamped>("/cmd_vel");
        rig.ConfigureAndActivate();
        for (var i = 0; i < 20; i++)
        {
            rig.Feed(joints: false, goal: false);
            rig.Step();
        }

        Assert.That(PolicyRig.Until(() => commands.Count == 20), Is.True);
        var last = commands.Last();
        Assert.That((last.Twist.Linear.X, last.Twist.Angular.Z), Is.EqualTo((0.2, -0.3)).Using<(double, double)>((a, b) => Math.Abs(a.Item1 - b.Item1) < 1e-6 && Math.Abs(a.Item2 - b.Item2) < 1e-6));
        Assert.That((last.Header.FrameId, last.Header.Stamp.Sec), Is.EqualTo(("base_link", (int)(rig.Time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds)));
    }

    private static void Run(PolicyRig rig, int ticks)
    {
        rig.ConfigureAndActivate();
        for (var i = 0; i < ticks; i++)
        {
            rig.Feed();
            Assert.That(rig.Step(), Is.Not.Null);
        }
    }
}
