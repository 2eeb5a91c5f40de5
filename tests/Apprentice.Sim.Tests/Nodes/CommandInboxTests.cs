using Apprentice.Sim.Nodes;
using Apprentice.Sim.Physics;
using CsCheck;

namespace Apprentice.Sim.Tests.Nodes;

public class CommandInboxTests
{
    [Test]
    public void AcceptsExactlySevenFiniteValuesAndNothingElse()
    {
        var values = Gen.OneOf(Gen.Double, Gen.Double[-3, 3], Gen.Const(double.NaN), Gen.Const(double.PositiveInfinity));
        Gen.Select(values.Array[0, 12], Gen.Bool).Sample((command, position) =>
        {
            var inbox = new CommandInbox();
            var result = inbox.Offer(position ? CommandMode.Position : CommandMode.Velocity, command, "/t");
            var valid = command.Length == 7 && command.All(double.IsFinite);
            Assert.That(result == CommandRejection.None, Is.EqualTo(valid));
            Assert.That(inbox.RejectedCount, Is.EqualTo(valid ? 0 : 1));
            var taken = new double[7];
            Assert.That(inbox.TryTake(taken, out var mode), Is.EqualTo(valid));
            if (valid)
            {
                Assert.That(taken, Is.EqualTo(command));
                Assert.That(mode, Is.EqualTo(position ? CommandMode.Position : CommandMode.Velocity));
            }
        });
    }

    [Test]
    public void TrajectoryWithADuplicatedJointIsRejected()
    {
        var inbox = new CommandInbox();
        string[] names = ["panda_joint1", "panda_joint1", "panda_joint3", "panda_joint4", "panda_joint5", "panda_joint6", "panda_joint7"];
        Assert.That(inbox.OfferTrajectory(names, new double[7], "/jt"), Is.EqualTo(CommandRejection.WrongJointNames));
        Assert.That(inbox.LastRejection, Does.Contain("panda_joint2"));
    }
}
