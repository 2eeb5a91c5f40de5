using Apprentice.Dds.Memory;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.RosgraphMsgs;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Msgs.TrajectoryMsgs;
using Apprentice.Ros.Qos;
using Apprentice.Sim.Expert;
using Apprentice.Sim.Nodes;
using Apprentice.Sim.Perturbations;
using Apprentice.Sim.Tasks;
using Serilog;

namespace Apprentice.Sim.Tests.Nodes;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SimNodeTests : IDisposable
{
    private readonly InMemoryBus _bus = new();
    private readonly ReachSimulation _sim = SimFixture.Load();
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var o in _owned.AsEnumerable().Reverse())
        {
            o.Dispose();
        }

        _sim.Dispose();
    }

    private InMemoryTransport Transport(string name, TimeProvider time)
    {
        var t = new InMemoryTransport(_bus, name, "/", time, Log.Logger);
        _owned.Add(t);
        return t;
    }

    private SimNode Node(bool camera = false)
    {
        var clock = new SimClock();
        var node = new SimNode(Transport("sim", clock), _sim, camera, Log.Logger);
        _owned.Add(node);
        return node;
    }

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = Environment.TickCount64 + 5000;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                Assert.Fail($"timed out waiting for {what}");
            }

            Thread.Sleep(1);
        }
    }

    [Test]
    public void PublishesEachTopicWithItsTypeFrameAndRateOnSimTime()
    {
        var node = Node();
        var episode = _sim.Task.Generate(1, 0);
        node.Reset(episode);
        var listener = Transport("listener", TimeProvider.System);
        var joints = new List<JointState>();
        var scans = new List<LaserScan>();
        var goals = new List<PoseStamped>();
        var clocks = new List<long>();
        var gate = new Lock();
        _owned.Add(listener.CreateSubscription<JointState>(SimTopics.JointStates, QosProfiles.Default, (m, _) => { lock (gate) { joints.Add(m); } }, MessageDelivery.Fresh));
        _owned.Add(listener.CreateSubscription<LaserScan>(SimTopics.Scan, QosProfiles.Default, (m, _) => { lock (gate) { scans.Add(m); } }, MessageDelivery.Fresh));
        _owned.Add(listener.CreateSubscription<PoseStamped>(SimTopics.GoalPose, QosProfiles.Default, (m, _) => { lock (gate) { goals.Add(m); } }, MessageDelivery.Fresh));
        _owned.Add(listener.CreateSubscription<Clock>(SimTopics.Clock, QosProfiles.Default, (m, _) => { lock (gate) { clocks.Add((m.ClockValue.Sec * 1_000_000_000L) + m.ClockValue.Nanosec); } }, MessageDelivery.Fresh));
        var before = node.Counters;
        node.Step(TimeSpan.FromSeconds(1));
        var after = node.Counters;
        Assert.That(after.JointStates - before.JointStates, Is.EqualTo(100));
        Assert.That(after.Scans - before.Scans, Is.EqualTo(20));
        Assert.That(after.Goals - before.Goals, Is.EqualTo(20));
        Assert.That(after.Clocks - before.Clocks, Is.EqualTo(100));
        Assert.That(node.Clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1)));
        WaitUntil(() => { lock (gate) { return joints.Count == 100 && scans.Count == 20 && goals.Count == 20 && clocks.Count == 100; } }, "all messages");
        Assert.That(joints[0].Name, Is.EqualTo(Enumerable.Range(1, 7).Select(i => $"panda_joint{i}")));
        Assert.That(joints[^1].Header.Stamp.Sec, Is.EqualTo(1));
        Assert.That(joints.Select(j => (j.Header.Stamp.Sec * 1_000_000_000L) + j.Header.Stamp.Nanosec), Is.Ordered.Ascending);
        Assert.That(scans[0].Header.FrameId, Is.EqualTo("scan_link"));
        Assert.That(scans[0].Ranges, Has.Length.EqualTo(SimFixture.Options.Scan.RayCount));
        Assert.That(goals[0].Header.FrameId, Is.EqualTo("panda_link0"));
        Assert.That(goals[0].Pose.Position.X, Is.EqualTo(episode.Target.X).Within(1e-12));
        Assert.That(goals[0].Pose.Position.Z, Is.EqualTo(episode.Target.Z).Within(1e-12));
        Assert.That(clocks, Is.Ordered.Ascending);
        Assert.That(clocks[^1], Is.EqualTo(1_000_000_000L));
    }

    [Test]
    public void VelocityCommandsMoveTheArmAndBadOnesAreRejectedAndCounted()
    {
        var node = Node();
        node.Reset(_sim.Task.Generate(1, 1));
        var commander = Transport("commander", TimeProvider.System);
        var velocity = commander.CreatePublisher<Float64MultiArray>(SimTopics.VelocityCommands, QosProfiles.Default);
        _owned.Add(velocity);
        WaitUntil(() => velocity.MatchedSubscriptionCount == 1, "match");
        var q0 = new double[7];
        _sim.GetJointPositions(q0);
        velocity.Publish(new Float64MultiArray { Layout = new MultiArrayLayout { Dim = [] }, Data = [0.5, 0, 0, 0, 0, 0, 0] });
        WaitUntil(() => node.Counters.CommandsAccepted == 1, "the command");
        node.Step(TimeSpan.FromSeconds(0.1));
        var q = new double[7];
        _sim.GetJointPositions(q);
        Assert.That(q[0] - q0[0], Is.EqualTo(0.05).Within(0.01));

        velocity.Publish(new Float64MultiArray { Layout = new MultiArrayLayout { Dim = [] }, Data = [0.5, 0, 0, 0, 0, 0] });
        velocity.Publish(new Float64MultiArray { Layout = new MultiArrayLayout { Dim = [] }, Data = [0.5, 0, 0, double.NaN, 0, 0, 0] });
        WaitUntil(() => node.Counters.CommandsRejected == 2, "the rejections");
        Assert.That(node.Counters.LastRejection, Does.Contain("NotFinite").And.Contain(SimTopics.VelocityCommands));
        node.Step(TimeSpan.FromSeconds(1));
        _sim.GetJointPositions(q);
        Assert.That(q[3], Is.EqualTo(q0[3]).Within(2e-3), "the robot never saw the NaN");
        Assert.That(q[0] - q0[0], Is.LessThan(0.05 + (0.5 * 0.2) + 0.01), "the command timed out and the arm holds");
    }

    [Test]
    public void TrajectoryFirstPointIsAppliedInNameOrder()
    {
        var node = Node();
        node.Reset(_sim.Task.Generate(1, 2));
        var commander = Transport("commander", TimeProvider.System);
        var pub = commander.CreatePublisher<JointTrajectory>(SimTopics.JointTrajectory, QosProfiles.Default);
        _owned.Add(pub);
        WaitUntil(() => pub.MatchedSubscriptionCount == 1, "match");
        double[] target = [0.2, -0.6, 0.1, -2.2, 0.1, 1.7, 0.6];
        var order = new[] { 6, 0, 5, 1, 4, 2, 3 };
        pub.Publish(new JointTrajectory
        {
            Header = new Header(),
            JointNames = [.. order.Select(i => $"panda_joint{i + 1}")],
            Points = [new JointTrajectoryPoint { Positions = [.. order.Select(i => target[i])], Velocities = [], Accelerations = [], Effort = [], TimeFromStart = new() }],
        });
        pub.Publish(new JointTrajectory { Header = new Header(), JointNames = ["a", "b"], Points = [] });
        WaitUntil(() => node.Counters.CommandsAccepted == 1 && node.Counters.CommandsRejected == 1, "the trajectories");
        node.Step(TimeSpan.FromSeconds(1.5));
        var q = new double[7];
        _sim.GetJointPositions(q);
        Assert.That(q, Is.EqualTo(target).Within(0.005));
    }

    [Test]
    public void DropoutSilencesTheTopicForItsDuration()
    {
        var node = Node();
        node.Reset(_sim.Task.Generate(1, 3), new PerturbationSchedule([new SensorDropoutPerturbation(TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(0.3), SimTopics.JointStates)]));
        var before = node.Counters;
        node.Step(TimeSpan.FromSeconds(1));
        Assert.That(node.Counters.JointStates - before.JointStates, Is.EqualTo(70));
        Assert.That(node.Counters.Scans - before.Scans, Is.EqualTo(20));
    }

    [Test]
    public void DelayedMessagesArriveLateWithTheirOriginalStamps()
    {
        var node = Node();
        node.Reset(_sim.Task.Generate(1, 4), new PerturbationSchedule([new SensorDelayPerturbation(TimeSpan.Zero, TimeSpan.FromSeconds(0.5), SimTopics.JointStates, TimeSpan.FromMilliseconds(100))]));
        var before = node.Counters.JointStates;
        node.Step(TimeSpan.FromSeconds(0.05));
        Assert.That(node.Counters.JointStates - before, Is.Zero, "everything is still in the delay line");
        node.Step(TimeSpan.FromSeconds(0.95));
        Assert.That(node.Counters.JointStates - before, Is.EqualTo(101), "the reset's message plus 100, none lost");
    }

    [Test]
    public void CameraPublishesRgb8At10Hz()
    {
        var node = Node(camera: true);
        var listener = Transport("listener", TimeProvider.System);
        Image? last = null;
        _owned.Add(listener.CreateSubscription<Image>(SimTopics.Camera, QosProfiles.Default, (m, _) => Volatile.Write(ref last, m), MessageDelivery.Fresh));
        var before = node.Counters.Images;
        node.Step(TimeSpan.FromSeconds(0.5));
        Assert.That(node.Counters.Images - before, Is.EqualTo(5));
        WaitUntil(() => Volatile.Read(ref last) is not null, "an image");
        Assert.That(last!.Encoding, Is.EqualTo("rgb8"));
        Assert.That(last.Width, Is.EqualTo(96));
        Assert.That(last.Step, Is.EqualTo(96 * 3));
        Assert.That(last.Data.Distinct().Count(), Is.GreaterThan(20));
    }

    [Test]
    public void ExpertNodeDrivesTheSimNodeToSuccessInLockstep()
    {
        var node = Node();
        var expertTransport = Transport("expert", node.Clock);
        var expert = new ExpertNode(expertTransport, ScriptedExpert.ForPanda(SimFixture.Panda, SimFixture.Options.Task.Home), node.Clock);
        _owned.Add(expert);
        EpisodeResult? result = null;
        node.EpisodeEnded += r => result = r;
        node.Reset(_sim.Task.Generate(2, 5));
        var accepted = node.Counters.CommandsAccepted;
        while (result is null)
        {
            var stamp = node.Clock.ElapsedNs;
            WaitUntil(() => expert.LastJointStampNs == stamp && expert.LastGoalStampNs == stamp, "the newest joint state and goal at the expert");
            Assert.That(expert.Tick(), Is.True);
            WaitUntil(() => node.Counters.CommandsAccepted == accepted + 1, "the command at the sim");
            accepted++;
            node.Step(TimeSpan.FromMilliseconds(50));
        }

        Assert.That(result.Outcome, Is.EqualTo(ReachOutcome.Succeeded), result.ToString());
    }
}
