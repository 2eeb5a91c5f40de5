using Apprentice.Nodes.Policy;
using Apprentice.Ros.Msgs.LifecycleMsgs;
using Apprentice.Ros.Msgs.StdMsgs;

namespace Apprentice.Nodes.Tests.Policy;

public sealed class PolicyNodeLifecycleTests
{
    private static readonly double[] Velocity = [0.1, -0.1, 0.1, 0.1, -0.1, 0.1, 0.2];

    [Test]
    public void NothingIsCommandedUntilActiveAndNothingAfterDeactivate()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity));
        var commands = rig.Listen<Float64MultiArray>("/forward_velocity_controller/commands");
        var events = rig.Listen<TransitionEvent>("/policy_node/transition_event");
        Assert.That(rig.Step(), Is.Null, "unconfigured");
        Assert.That(rig.Node.Configure().Success, Is.True, rig.Node.LastError);
        rig.Feed();
        Assert.That(rig.Step(), Is.Null, "inactive");
        Thread.Sleep(50);
        Assert.That(commands, Is.Empty, "an inactive node published a command");

        Assert.That(rig.Node.Activate().Success, Is.True);
        for (var i = 0; i < 3; i++)
        {
            rig.Feed();
            Assert.That(rig.Step(), Is.Not.Null);
        }

        Assert.That(PolicyRig.Until(() => commands.Count == 3), Is.True, "active node did not command every tick");
        Assert.That(rig.Node.Deactivate().Success, Is.True);
        rig.Feed();
        Assert.That(rig.Step(), Is.Null);
        Thread.Sleep(50);
        Assert.That(commands, Has.Count.EqualTo(3));
        Assert.That(PolicyRig.Until(() => events.Count == 6), Is.True);
        Assert.That(events.Select(e => (e.Transition.Label, e.StartState.Label, e.GoalState.Label)), Is.EqualTo(new[]
        {
            ("configure", "unconfigured", "configuring"), ("transition_success", "configuring", "inactive"),
            ("activate", "inactive", "activating"), ("transition_success", "activating", "active"),
            ("deactivate", "active", "deactivating"), ("transition_success", "deactivating", "inactive"),
        }));
    }

    [Test]
    public void FailedConfigureOfAMissingModelStaysUnconfiguredWithAnErrorNamingTheFile()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity));
        File.Delete(rig.ModelPath);
        var result = rig.Node.Configure();
        Assert.That((result.Success, rig.Node.State), Is.EqualTo((false, LifecycleState.Unconfigured)));
        Assert.That(rig.Node.LastError, Does.Contain(rig.ModelPath));
        Assert.That(rig.Node.Activate().Success, Is.False, "activate must not be available while unconfigured");
    }

    [Test]
    public void FailedConfigureOfAPolicyForOtherJointsNamesTheJoints()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity, joints: ["j1", "j2", "j3", "j4", "j5", "j6", "j7"]));
        Assert.That(rig.Node.Configure().Success, Is.False);
        Assert.That(rig.Node.State, Is.EqualTo(LifecycleState.Unconfigured));
        Assert.That(rig.Node.LastError, Does.Contain("'j1'").And.Contain("panda_joint1"));
    }

    [Test]
    public void ChangeStateFollowsTheRclcppTableAndRejectsUnavailableTransitions()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity));
        Assert.That(rig.Node.ChangeState(Transition.TRANSITION_ACTIVATE).Success, Is.False);
        Assert.That(rig.Node.ChangeState(0, "configure").Success, Is.True);
        Assert.That(PolicyNodeServices.Transitions(rig.Node.State).Select(t => (t.Transition.Id, t.Transition.Label)),
            Is.EqualTo(new[] { ((byte)2, "cleanup"), ((byte)3, "activate"), ((byte)6, "shutdown") }));
        Assert.That(rig.Node.ChangeState(Transition.TRANSITION_ACTIVATE).Success, Is.True);
        Assert.That(rig.Node.State, Is.EqualTo(LifecycleState.Active));
        Assert.That(rig.Node.Shutdown().State, Is.EqualTo(LifecycleState.Finalized));
        Assert.That(LifecycleTable.Available(rig.Node.State), Is.Empty);
    }

    [Test]
    public void TheStateTableHasRclLifecycleIdsAndLabels()
    {
        Assert.That(LifecycleTable.States.Select(s => ((byte)s, LifecycleTable.Label(s))), Is.EqualTo(new (byte, string)[]
        {
            (State.PRIMARY_STATE_UNKNOWN, "unknown"), (State.PRIMARY_STATE_UNCONFIGURED, "unconfigured"), (State.PRIMARY_STATE_INACTIVE, "inactive"),
            (State.PRIMARY_STATE_ACTIVE, "active"), (State.PRIMARY_STATE_FINALIZED, "finalized"), (State.TRANSITION_STATE_CONFIGURING, "configuring"),
            (State.TRANSITION_STATE_CLEANINGUP, "cleaningup"), (State.TRANSITION_STATE_SHUTTINGDOWN, "shuttingdown"),
            (State.TRANSITION_STATE_ACTIVATING, "activating"), (State.TRANSITION_STATE_DEACTIVATING, "deactivating"),
            (State.TRANSITION_STATE_ERRORPROCESSING, "errorprocessing"),
        }));
        Assert.That(PolicyNodeServices.Transitions(LifecycleState.Active).Select(t => (t.Transition.Id, t.Transition.Label, t.GoalState.Label)),
            Is.EqualTo(new[] { (Transition.TRANSITION_DEACTIVATE, "deactivate", "deactivating"), (Transition.TRANSITION_ACTIVE_SHUTDOWN, "shutdown", "shuttingdown") }));
    }

    [Test]
    public void CleanupReleasesTheModelAndConfigureWorksAgain()
    {
        using var rig = new PolicyRig(PolicyTestModels.Reach(Velocity));
        Assert.That(rig.Node.Configure().Success, Is.True);
        Assert.That(rig.Node.Cleanup().Success, Is.True);
        Assert.That((rig.Node.State, rig.Node.Counters), Is.EqualTo((LifecycleState.Unconfigured, (Core.Status.ControlCounters?)null)));
        Assert.That(rig.Node.Configure().Success, Is.True, rig.Node.LastError);
    }
}
