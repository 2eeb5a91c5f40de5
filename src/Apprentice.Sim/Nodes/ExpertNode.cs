using Apprentice.Dds.Transport;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Qos;
using Apprentice.Safety.Geometry;
using Apprentice.Sim.Expert;
using Apprentice.Sim.Scene;

namespace Apprentice.Sim.Nodes;

/// <summary>
/// The scripted expert as a node: subscribes /joint_states and /goal_pose (callbacks only store the newest values)
/// and, on each <see cref="Tick"/>, publishes the expert's 7 joint velocities as std_msgs/Float64MultiArray on
/// <see cref="CommandTopic"/> (/forward_velocity_controller/commands for demonstrations, /teleop/commands for
/// takeover). Tick from one thread (lockstep caller or a 20 Hz timer).
/// </summary>
public sealed class ExpertNode : IDisposable
{
    private readonly ScriptedExpert _expert;
    private readonly TimeProvider _time;
    private readonly Publisher<Float64MultiArray> _publisher;
    private readonly Subscription<JointState> _joints;
    private readonly Subscription<PoseStamped> _goalSubscription;
    private readonly Lock _gate = new();
    private readonly double[] _q = new double[7];
    private readonly double[] _qTick = new double[7];
    private readonly Float64MultiArray _command = new() { Layout = new MultiArrayLayout { Dim = [], DataOffset = 0 }, Data = new double[7] };
    private bool _haveJoints;
    private long _lastJointStampNs = -1;
    private long _lastGoalStampNs = -1;
    private Vec3? _goal;

    /// <summary>Creates the node's endpoints on <paramref name="transport"/>; <paramref name="time"/> is the clock the expert's path runs on (sim time in a simulation).</summary>
    public ExpertNode(ITransport transport, ScriptedExpert expert, TimeProvider time, string commandTopic = SimTopics.VelocityCommands)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _expert = expert ?? throw new ArgumentNullException(nameof(expert));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        CommandTopic = commandTopic ?? throw new ArgumentNullException(nameof(commandTopic));
        _publisher = transport.CreatePublisher<Float64MultiArray>(commandTopic, QosProfiles.Default);
        _joints = transport.CreateSubscription<JointState>(SimTopics.JointStates, QosProfiles.Default, OnJoints);
        _goalSubscription = transport.CreateSubscription<PoseStamped>(SimTopics.GoalPose, QosProfiles.Default, OnGoal);
    }

    /// <summary>Where commands go.</summary>
    public string CommandTopic { get; }

    /// <summary>Header stamp [ns] of the newest complete /joint_states received (lockstep callers wait for it).</summary>
    public long LastJointStampNs => Interlocked.Read(ref _lastJointStampNs);

    /// <summary>Header stamp [ns] of the newest /goal_pose received, -1 before the first.</summary>
    public long LastGoalStampNs => Interlocked.Read(ref _lastGoalStampNs);

    /// <summary>Commands published.</summary>
    public long Published { get; private set; }

    /// <summary>Computes and publishes one command from the newest inputs; false (nothing sent) until both have arrived.</summary>
    public bool Tick()
    {
        Vec3 goal;
        lock (_gate)
        {
            if (!_haveJoints || _goal is null)
            {
                return false;
            }

            _q.CopyTo(_qTick, 0);
            goal = _goal.Value;
        }

        _expert.Compute(_time.GetUtcNow() - DateTimeOffset.UnixEpoch, _qTick, goal, _command.Data);
        _publisher.Publish(_command);
        Published++;
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _publisher.Dispose();
        _joints.Dispose();
        _goalSubscription.Dispose();
    }

    private void OnJoints(JointState message, MessageInfo info)
    {
        lock (_gate)
        {
            var found = 0;
            for (var i = 0; i < 7; i++)
            {
                var k = Array.IndexOf(message.Name, ReachScene.JointNames[i]);
                if (k >= 0 && k < message.Position.Length)
                {
                    _q[i] = message.Position[k];
                    found++;
                }
            }

            if (found == 7)
            {
                _haveJoints = true;
                Interlocked.Exchange(ref _lastJointStampNs, (message.Header.Stamp.Sec * 1_000_000_000L) + message.Header.Stamp.Nanosec);
            }
        }
    }

    private void OnGoal(PoseStamped message, MessageInfo info)
    {
        var p = message.Pose.Position;
        lock (_gate)
        {
            _goal = new Vec3(p.X, p.Y, p.Z);
        }

        Interlocked.Exchange(ref _lastGoalStampNs, (message.Header.Stamp.Sec * 1_000_000_000L) + message.Header.Stamp.Nanosec);
    }
}
