using Apprentice.Dds.Memory;
using Apprentice.Dds.Typed;
using Apprentice.Nodes.Policy;
using Apprentice.Ros.Args;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Qos;
using Apprentice.Testing;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;

namespace Apprentice.Nodes.Tests.Policy;

/// <summary>
/// The lockstep use the lead's evaluation needs: one thread publishes the world's samples, drains the
/// in-memory bus (manual dispatch), ticks the node and drains again; no threads, no waiting.
/// </summary>
public sealed class PolicyLockstepTests
{
    [Test]
    public void TwoLockstepRunsOfTheSameWorldCommandTheSame()
    {
        var first = Run();
        var second = Run();
        Assert.That(first, Has.Count.EqualTo(60));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first[^1].Max(Math.Abs), Is.GreaterThan(0.01), "the blended planner/policy command moves the arm");
    }

    private static List<double[]> Run()
    {
        var folder = Path.Combine(Path.GetTempPath(), "apprentice-lockstep-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var model = Path.Combine(folder, "reach.onnx");
            PolicyTestModels.Reach([0.05, 0.02, 0, 0.05, 0, 0.05, 0.1], scanBins: 32).Save(model);
            var parameters = new Dictionary<string, RosParameterValue>(ParamsFile.Load(RepoPaths.Path("config", "policy_node.yaml")).For("/policy_node"))
            {
                ["model.path"] = PolicyRig.V(model),
                ["robot.urdf_path"] = PolicyRig.V(RepoPaths.Path("config", "robots", "panda.urdf")),
                ["robot.joint_limits_path"] = PolicyRig.V(RepoPaths.Path("config", "robots", "panda_joint_limits.yaml")),
            };
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
            var bus = new InMemoryBus();
            using var policyTransport = new InMemoryTransport(bus, "policy_node", "/", time, Logger.None, manualDispatch: true);
            using var world = new InMemoryTransport(bus, "sim", "/", time, Logger.None, manualDispatch: true);
            using var node = new PolicyNode(policyTransport, PolicyParameters.Bind(parameters), time, Logger.None);
            var commands = new List<double[]>();
            using var sub = world.CreateSubscription<Float64MultiArray>("/forward_velocity_controller/commands", QosProfiles.Default, (m, _) => commands.Add([.. m.Data]));
            using var joints = world.CreatePublisher<JointState>("/joint_states", QosProfiles.Default);
            using var scan = world.CreatePublisher<LaserScan>("/scan", QosProfiles.SensorData, 4096);
            using var goal = world.CreatePublisher<PoseStamped>("/goal_pose", QosProfiles.Default);
            Assert.That(node.Configure().Success, Is.True, node.LastError);
            Assert.That(node.Activate().Success, Is.True);
            double[] q = [.. PolicyRig.Ready];
            var period = node.Period!.Value;
            for (var k = 0; k < 60; k++)
            {
                joints.Publish(new JointState { Name = PolicyTestModels.Panda, Position = q, Velocity = new double[7], Effort = [] });
                scan.Publish(new LaserScan { AngleMin = -MathF.PI, AngleMax = MathF.PI, AngleIncrement = 2 * MathF.PI / 180, RangeMin = 0.05f, RangeMax = 1.5f, Ranges = Enumerable.Repeat(1.2f, 180).ToArray(), Intensities = [] });
                goal.Publish(new PoseStamped { Pose = new Pose { Position = new Point { X = 0.5, Y = 0.1, Z = 0.3 } } });
                bus.Drain();
                node.Tick();
                bus.Drain();

                // A perfect velocity-controlled arm: the next joint state integrates the command.
                for (var j = 0; j < 7; j++)
                {
                    q[j] += commands[^1][j] * period.TotalSeconds;
                }

                time.Advance(period);
            }

            return commands;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
