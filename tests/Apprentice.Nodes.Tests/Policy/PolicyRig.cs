using System.Collections.Concurrent;
using System.Diagnostics;
using Apprentice.Dds.Memory;
using Apprentice.Dds.Transport;
using Apprentice.Dds.Typed;
using Apprentice.Nodes.Policy;
using Apprentice.Onnx.Writer;
using Apprentice.Ros.Args;
using Apprentice.Ros.Msgs.Apprentice;
using Apprentice.Ros.Msgs.DiagnosticMsgs;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Qos;
using Apprentice.Testing;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;

namespace Apprentice.Nodes.Tests.Policy;

/// <summary>
/// A policy node on an in-memory bus with fake time, and a "world" node that publishes its inputs
/// (joint states, scan, goal, teleop) and collects what it publishes. Lockstep: the test feeds,
/// waits until the node has received, then ticks.
/// </summary>
internal sealed class PolicyRig : IDisposable
{
    public static readonly double[] Ready = [0, -Math.PI / 4, 0, -3 * Math.PI / 4, 0, Math.PI / 2, Math.PI / 4];
    private readonly InMemoryBus _bus = new();
    private readonly List<IDisposable> _owned = [];
    private readonly Publisher<JointState> _joints;
    private readonly Publisher<LaserScan> _scan;
    private readonly Publisher<PoseStamped> _goal;
    private readonly Publisher<Float64MultiArray> _teleop;
    private readonly double[] _position = [.. Ready];

    public PolicyRig(OnnxModelBuilder model, Dictionary<string, object>? overrides = null)
    {
        Directory.CreateDirectory(Folder);
        ModelPath = Path.Combine(Folder, "policy.onnx");
        model.Save(ModelPath);
        var values = new Dictionary<string, RosParameterValue>(StringComparer.Ordinal)
        {
            ["model.path"] = V(ModelPath),
            ["model.warmup_runs"] = V(1L),
            ["robot.urdf_path"] = V(RepoPaths.Path("config", "robots", "panda.urdf")),
            ["robot.joint_limits_path"] = V(RepoPaths.Path("config", "robots", "panda_joint_limits.yaml")),
            ["robot.joint_names"] = V(PolicyTestModels.Panda),
            ["robot.base_link"] = V("panda_link0"),
            ["robot.tip_link"] = V("panda_hand_tcp"),
            ["inputs.lidar.topic"] = V("/scan"),
            ["inputs.lidar.scan_in_base_xyz"] = V(new[] { 0.0, 0.0, 0.3 }),
            ["inputs.reference.topic"] = V("/goal_pose"),
            ["takeover.topic"] = V("/teleop/commands"),
            ["safety.blending"] = V(false),
            ["control.max_input_skew_s"] = V(0.0),
        };
        foreach (var (k, v) in overrides ?? [])
        {
            values[k] = V(v);
        }

        Options = PolicyParameters.Bind(values);
        PolicyTransport = Own(new InMemoryTransport(_bus, "policy_node", "/", Time, Logger.None));
        World = Own(new InMemoryTransport(_bus, "world", "/", Time, Logger.None));
        Node = Own(new PolicyNode(PolicyTransport, Options, Time, Logger.None));
        _joints = Own(World.CreatePublisher<JointState>("/joint_states", QosProfiles.Default));
        _scan = Own(World.CreatePublisher<LaserScan>("/scan", QosProfiles.SensorData, 8192));
        _goal = Own(World.CreatePublisher<PoseStamped>("/goal_pose", QosProfiles.Default));
        _teleop = Own(World.CreatePublisher<Float64MultiArray>("/teleop/commands", QosProfiles.Default));
        Own(World.CreateSubscription<PolicyStatus>("/policy_node/status", QosProfiles.Default, (m, _) => Statuses.Enqueue(m), MessageDelivery.Fresh));
        Own(World.CreateSubscription<Intervention>("/apprentice/intervention", QosProfiles.Default, (m, _) => Interventions.Enqueue(m), MessageDelivery.Fresh));
        Own(World.CreateSubscription<DiagnosticArray>("/diagnostics", QosProfiles.Default, (m, _) => Diagnostics.Enqueue(m), MessageDelivery.Fresh));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "apprentice-policy-" + Guid.NewGuid().ToString("N"));

    public string ModelPath { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public PolicyNodeOptions Options { get; }

    public ITransport PolicyTransport { get; }

    public ITransport World { get; }

    public PolicyNode Node { get; }

    public ConcurrentQueue<PolicyStatus> Statuses { get; } = new();

    public ConcurrentQueue<Intervention> Interventions { get; } = new();

    public ConcurrentQueue<DiagnosticArray> Diagnostics { get; } = new();

    public TimeSpan Period => TimeSpan.FromMilliseconds(50);

    public static RosParameterValue V(object value) => value switch
    {
        string s => new(RosParameterType.String, s),
        bool b => new(RosParameterType.Bool, b),
        long l => new(RosParameterType.Integer, l),
        int i => new(RosParameterType.Integer, (long)i),
        double d => new(RosParameterType.Double, d),
        double[] a => new(RosParameterType.DoubleArray, a),
        string[] a => new(RosParameterType.StringArray, a),
        _ => throw new ArgumentException("unsupported test parameter " + value),
    };

    public static bool Until(Func<bool> condition, int ms = 5000)
    {
        var sw = Stopwatch.StartNew();
        while (!condition() && sw.ElapsedMilliseconds < ms)
        {
            Thread.Sleep(1);
        }

        return condition();
    }

    /// <summary>Collects messages of <typeparamref name="T"/> on <paramref name="topic"/> into the returned queue.</summary>
    public ConcurrentQueue<T> Listen<T>(string topic)
        where T : class, Ros.Messages.IRosMessage<T>, new()
    {
        var q = new ConcurrentQueue<T>();
        Own(World.CreateSubscription<T>(topic, QosProfiles.Default, (m, _) => q.Enqueue(m), MessageDelivery.Fresh));
        return q;
    }

    public void ConfigureAndActivate()
    {
        Assert.That(Node.Configure().Success, Is.True, Node.LastError);
        Assert.That(Node.Activate().Success, Is.True, Node.LastError);
    }

    /// <summary>Publishes joint states (the current rig position), a far-away scan and the goal, and waits until the node has them.</summary>
    public void Feed(bool scan = true, bool goal = true, bool joints = true)
    {
        var stats = Node.InputStats;
        var before = stats.ToDictionary(s => s.Role, s => s.Received);
        if (joints)
        {
            PublishJoints(PolicyTestModels.Panda, _position);
            Wait("joint_states", before);
        }

        if (scan)
        {
            PublishScan();
            Wait("lidar", before);
        }

        if (goal)
        {
            _goal.Publish(new PoseStamped { Pose = new Pose { Position = new Point { X = 0.5, Y = 0.1, Z = 0.4 } } });
            Wait("reference", before);
        }
    }

    public void PublishJoints(string[] names, double[] positions)
    {
        var m = new JointState { Name = names, Position = positions, Velocity = new double[positions.Length], Effort = [] };
        Stamp(m.Header);
        _joints.Publish(m);
    }

    public void PublishScan()
    {
        var m = new LaserScan { AngleMin = -MathF.PI, AngleMax = MathF.PI, AngleIncrement = 2 * MathF.PI / 360, RangeMin = 0.05f, RangeMax = 10, Ranges = Enumerable.Repeat(5f, 360).ToArray(), Intensities = [] };
        Stamp(m.Header);
        _scan.Publish(m);
    }

    public void Teleop(double[] velocities)
    {
        var before = Node.InputStats.First(s => s.Role == "takeover").Received;
        _teleop.Publish(new Float64MultiArray { Data = velocities });
        Assert.That(Until(() => Node.InputStats.First(s => s.Role == "takeover").Received > before), Is.True, "teleop not received");
    }

    /// <summary>Advances fake time by one period and ticks.</summary>
    public Core.Status.PolicyStatusSnapshot? Step()
    {
        Time.Advance(Period);
        return Node.Tick();
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private void Wait(string role, Dictionary<string, long> before) =>
        Assert.That(Until(() => Node.InputStats.First(s => s.Role == role).Received > before.GetValueOrDefault(role)), Is.True, role + " not received");

    private void Stamp(Ros.Msgs.StdMsgs.Header header)
    {
        var ns = (Time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
        header.Stamp.Sec = (int)(ns / 1_000_000_000);
        header.Stamp.Nanosec = (uint)(ns % 1_000_000_000);
    }

    private T Own<T>(T d)
        where T : IDisposable
    {
        _owned.Add(d);
        return d;
    }
}
