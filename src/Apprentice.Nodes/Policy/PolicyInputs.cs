using Apprentice.Core;
using Apprentice.Core.Observations;
using Apprentice.Core.Time;
using Apprentice.Dds.Transport;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// The node's latest-sample boxes (joint states, camera, LiDAR, reference) and scalar inputs
/// (speed scaling, heartbeat), with their subscriptions and per-input counters. Subscription
/// callbacks only decode into the boxes (allocation-free for same-shaped messages); a bad message
/// (NaN, wrong sizes, unknown encoding) is rejected and counted, never thrown.
/// </summary>
internal sealed partial class PolicyInputs : ICardInputs, IDisposable
{
    private readonly PolicyNodeOptions _options;
    private readonly TimeProvider _time;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly JointStateBox[] _jointBoxes;
    private long _speedBits = BitConverter.DoubleToInt64Bits(1.0);
    private long _heartbeatTicks = long.MinValue;
    private readonly Dictionary<string, InputStats> _stats;

    /// <summary>Creates the boxes the options and the card need.</summary>
    /// <param name="options">Node options.</param>
    /// <param name="extraJointOrders">Joint orders of card inputs that differ from the configured order.</param>
    /// <param name="referenceDimension">Values per reference (card input shape, or 3 for a goal position).</param>
    /// <param name="time">Clock of receive times.</param>
    public PolicyInputs(PolicyNodeOptions options, IReadOnlyList<IReadOnlyList<string>> extraJointOrders, int referenceDimension, TimeProvider time)
    {
        _options = options;
        _time = time;
        var inputs = options.Inputs;
        var list = new List<IObservationInput>();
        var boxes = new List<JointStateBox>();
        if (inputs.JointStates.Enabled)
        {
            Joints = new JointStateBox("joint_states", new JointOrder(options.Robot.JointNames), inputs.JointStates.Timeout);
            boxes.Add(Joints);
            list.Add(Joints);
            for (var i = 0; i < extraJointOrders.Count; i++)
            {
                var box = new JointStateBox("joint_states_" + (i + 1), new JointOrder(extraJointOrders[i]), inputs.JointStates.Timeout);
                boxes.Add(box);
                list.Add(box);
            }
        }

        _jointBoxes = [.. boxes];
        if (inputs.Camera.Enabled)
        {
            Camera = new ImageBox("camera", inputs.CameraMaxBytes, inputs.Camera.Timeout);
            list.Add(Camera);
        }

        if (inputs.Lidar.Enabled && inputs.Lidar.Type.EndsWith("LaserScan", StringComparison.Ordinal))
        {
            Scan = new LaserScanBox("lidar", inputs.LidarMaxPoints, inputs.Lidar.Timeout);
            list.Add(Scan);
        }
        else if (inputs.Lidar.Enabled)
        {
            Cloud = new PointCloudBox("lidar", inputs.LidarMaxPoints, inputs.Lidar.Timeout);
            list.Add(Cloud);
        }

        if (inputs.Reference.Enabled)
        {
            // A goal is not a time-aligned sensor sample: its header stamp says when it was set.
            Reference = new ReferenceBox("reference", referenceDimension, inputs.Reference.Timeout) { TakesPartInAlignment = false };
            list.Add(Reference);
        }

        if (list.Count == 0)
        {
            throw new ConfigurationException("inputs", "no input topic is configured; set inputs.joint_states.topic at least.");
        }

        ObservationInputs = list;
        Stats = [.. Roles().Select(r => new InputStats(r.Role, r.Input.Topic))];
        _stats = Stats.ToDictionary(s => s.Role, StringComparer.Ordinal);
    }

    /// <summary>Joint states in the configured joint order (null when the input is disabled).</summary>
    public JointStateBox? Joints { get; }

    /// <summary>Joint-state boxes per distinct joint order (the configured order first).</summary>
    public IReadOnlyList<JointStateBox> JointBoxes => _jointBoxes;

    /// <summary>Camera frames.</summary>
    public ImageBox? Camera { get; }

    /// <summary>LaserScan LiDAR.</summary>
    public LaserScanBox? Scan { get; }

    /// <summary>PointCloud2 LiDAR.</summary>
    public PointCloudBox? Cloud { get; }

    /// <summary>Reference (goal) vector.</summary>
    public ReferenceBox? Reference { get; }

    /// <summary>Every box, in snapshot order.</summary>
    public IReadOnlyList<IObservationInput> ObservationInputs { get; }

    /// <summary>Counters per enabled input.</summary>
    public IReadOnlyList<InputStats> Stats { get; }

    /// <summary>Latest speed scaling in [0, 1] (1 until one arrives or when stale). Any thread.</summary>
    public double SpeedScale(TimeSpan now)
    {
        var stats = StatsFor("speed_scaling");
        if (stats is null)
        {
            return 1;
        }

        var last = stats.LastAccepted;
        // A stale speed-scaling input is not trusted to allow full speed.
        return last is { } t && now - t <= _options.Inputs.SpeedScaling.Timeout
            ? BitConverter.Int64BitsToDouble(Interlocked.Read(ref _speedBits))
            : 0;
    }

    /// <summary>Monotonic time of the last heartbeat (<see cref="TimeSpan.MinValue"/> before the first).</summary>
    public TimeSpan HeartbeatStamp
    {
        get
        {
            var t = Interlocked.Read(ref _heartbeatTicks);
            return t == long.MinValue ? TimeSpan.MinValue : TimeSpan.FromTicks(t);
        }
    }

    /// <summary>The counters of <paramref name="role"/>, or null when that input is disabled.</summary>
    public InputStats? StatsFor(string role) => _stats.GetValueOrDefault(role);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var s in _subscriptions)
        {
            s.Dispose();
        }

        _subscriptions.Clear();
    }

    private IEnumerable<(string Role, InputOptions Input)> Roles()
    {
        var i = _options.Inputs;
        return new (string, InputOptions)[]
        {
            ("joint_states", i.JointStates), ("camera", i.Camera), ("lidar", i.Lidar), ("reference", i.Reference),
            ("speed_scaling", i.SpeedScaling), ("heartbeat", i.Heartbeat),
        }.Where(r => r.Item2.Enabled);
    }

    private TimeSpan Now() => MonotonicTime.Now(_time);
}
