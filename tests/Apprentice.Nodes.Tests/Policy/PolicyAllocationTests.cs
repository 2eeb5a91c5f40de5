using Apprentice.Core.Policies;
using Apprentice.Nodes.Policy;
using Apprentice.Ros.Args;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Testing;
using Serilog.Core;

namespace Apprentice.Nodes.Tests.Policy;

/// <summary>The node's steady state allocates nothing: decoding the inputs into the boxes and the whole tick (blending, filter, command, status).</summary>
public sealed class PolicyAllocationTests
{
    [Test]
    public void DecodingInputsAndTickingWithBlendingTakeoverAndPositionOutputAllocatesNothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "apprentice-policy-alloc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var model = Path.Combine(folder, "policy.onnx");
            PolicyTestModels.Reach([0.1, 0, 0, 0, 0, 0, 0.1], scanBins: 32).Save(model);
            var values = new Dictionary<string, RosParameterValue>(ParamsFile.Load(RepoPaths.Path("config", "policy_node.yaml")).For("/policy_node"))
            {
                ["model.path"] = PolicyRig.V(model),
                ["robot.urdf_path"] = PolicyRig.V(RepoPaths.Path("config", "robots", "panda.urdf")),
                ["robot.joint_limits_path"] = PolicyRig.V(RepoPaths.Path("config", "robots", "panda_joint_limits.yaml")),
                ["output.mode"] = PolicyRig.V("position"),
                ["diagnostics.period_s"] = PolicyRig.V(1e6),
            };
            var time = new ManualTime();
            using var transport = new DirectTransport();
            using var node = new PolicyNode(transport, PolicyParameters.Bind(values), time, Logger.None);
            Assert.That(node.Configure().Success, Is.True, node.LastError);
            Assert.That(node.Activate().Success, Is.True);
            var joints = RosMessageCodec.Encode(new JointState { Name = PolicyTestModels.Panda, Position = [.. PolicyRig.Ready], Velocity = new double[7], Effort = [] });
            var scan = RosMessageCodec.Encode(new LaserScan { AngleMin = -MathF.PI, AngleMax = MathF.PI, AngleIncrement = 2 * MathF.PI / 180, RangeMin = 0.05f, RangeMax = 1.5f, Ranges = Enumerable.Repeat(1.2f, 180).ToArray(), Intensities = [] });
            var goal = RosMessageCodec.Encode(new PoseStamped { Pose = new Pose { Position = new Point { X = 0.5, Y = 0.1, Z = 0.3 } } });
            var teleop = RosMessageCodec.Encode(new Float64MultiArray { Data = [0, 0, 0, 0, 0, 0, -0.2] });

            void Tick(int k)
            {
                time.Advance(TimeSpan.FromMilliseconds(50));
                transport.Deliver("/joint_states", joints);
                transport.Deliver("/scan", scan);
                transport.Deliver("/goal_pose", goal);
                if (k % 40 < 10)
                {
                    transport.Deliver("/teleop/commands", teleop);
                }

                node.Tick();
            }

            for (var k = 0; k < 200; k++)
            {
                Tick(k);
            }

            Assert.That(node.LastStatus.Outcome, Is.EqualTo(PolicyOutcome.Ok));
            Assert.That(node.LastStatus.Alpha, Is.GreaterThan(0), "blending with the planner is exercised");

            // ONNX Runtime allocates once in a rare while on its own schedule (see RealModelAllocationTests); each attempt must be 0.
            var allocated = long.MaxValue;
            for (var attempt = 0; attempt < 3 && allocated != 0; attempt++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var k = 0; k < 80; k++)
                {
                    Tick(k);
                }

                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }

            Assert.That(allocated, Is.Zero);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A clock the test sets (FakeTimeProvider.Advance allocates, which would be measured with the tick).</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public override DateTimeOffset GetUtcNow() => new(_ticks, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
