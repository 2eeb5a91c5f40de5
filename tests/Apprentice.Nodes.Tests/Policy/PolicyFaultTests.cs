using Apprentice.Core.Policies;
using Apprentice.Ros.Msgs.DiagnosticMsgs;
using Apprentice.Ros.Msgs.StdMsgs;

namespace Apprentice.Nodes.Tests.Policy;

public sealed class PolicyFaultTests
{
    private static readonly double[] Velocity = [0.3, -0.3, 0.3, 0.3, -0.3, 0.3, 1.5];

    [Test]
    public void LidarStopsHaltsSmoothlyWithinItsTimeoutReportsItStaleAndResumesWhenDataReturns()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity, scanBins: 32));
        var commands = rig.Listen<Float64MultiArray>("/forward_velocity_controller/commands");
        rig.ConfigureAndActivate();
        for (var i = 0; i < 10; i++)
        {
            rig.Feed();
            rig.Step();
        }

        Assert.That(PolicyRig.Until(() => commands.Count == 10), Is.True);
        Assert.That(commands.Last().Data, Is.EqualTo(Velocity).Within(1e-6));

        // The LiDAR stops; joint states and goal keep coming. Timeout 0.2 s = 4 ticks.
        var stale = new List<PolicyOutcome>();
        for (var i = 0; i < 30; i++)
        {
            rig.Feed(scan: false);
            stale.Add(rig.Step()!.Value.Outcome);
        }

        Assert.That(PolicyRig.Until(() => commands.Count == 40), Is.True);
        var halt = commands.Skip(10).Select(c => c.Data).ToArray();
        Assert.That(stale.Take(3), Has.All.EqualTo(PolicyOutcome.Ok), "fresh within the timeout");
        Assert.That(stale.Skip(4), Has.All.EqualTo(PolicyOutcome.InputsStale));
        var speeds = halt.Select(v => v.Max(Math.Abs)).ToArray();
        for (var k = 1; k < speeds.Length; k++)
        {
            Assert.That(speeds[k], Is.LessThanOrEqualTo(speeds[k - 1] + 1e-9), "never speeds up while halting");
            Assert.That(Math.Abs(halt[k][6] - halt[k - 1][6]), Is.LessThanOrEqualTo((20 * 0.05) + 1e-9), "joint 7 within its deceleration limit");
        }

        Assert.That(speeds[^1], Is.LessThan(1e-9), "stopped");
        var stoppedAt = Array.FindIndex(speeds, s => s < 1e-9);
        Assert.That(stoppedAt * 0.05, Is.LessThan(0.2 + 1.0), "stopped within the timeout plus the braking time");

        Assert.That(PolicyRig.Until(() => rig.Diagnostics.Count >= 1), Is.True, "no /diagnostics after 2 s");
        var lidar = rig.Diagnostics.Last().Status.Single(s => s.Name == "policy_node: input lidar");
        Assert.That((lidar.Level, lidar.Message), Is.EqualTo((DiagnosticStatus.ERROR, lidar.Message)));
        Assert.That(lidar.Message, Does.StartWith("stale"));
        Assert.That(rig.Diagnostics.Last().Status.Single(s => s.Name == "policy_node: input joint_states").Level, Is.EqualTo(DiagnosticStatus.OK));
        var loop = rig.Diagnostics.Last().Status.Single(s => s.Name == "policy_node: control loop");
        Assert.That(loop.Values.Select(v => v.Key), Does.Contain("latency_p99_ms").And.Contain("deadline_miss_rate").And.Contain("authority").And.Contain("safety_event_ticks"));

        // Data returns: the policy drives again.
        for (var i = 0; i < 10; i++)
        {
            rig.Feed();
            rig.Step();
        }

        Assert.That(rig.Node.LastStatus.Outcome, Is.EqualTo(PolicyOutcome.Ok));
        Assert.That(PolicyRig.Until(() => commands.Count == 50), Is.True);
        Assert.That(commands.Last().Data, Is.EqualTo(Velocity).Within(1e-6));
    }
}
