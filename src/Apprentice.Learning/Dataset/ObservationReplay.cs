using Apprentice.Core.Observations;
using Apprentice.Core.Preprocessing;
using Apprentice.Ros.Msgs.BuiltinInterfaces;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.SensorMsgs;

namespace Apprentice.Learning.Dataset;

/// <summary>
/// The policy node's observation pipeline, fed from a bag: the same Core boxes (JointStateBox,
/// ReferenceBox, LaserScanBox) and encoders (JointStateEncoder, ReferenceEncoder, LidarEncoder)
/// with identity normalisation, so features are the raw values the node would normalise.
/// </summary>
internal sealed class ObservationReplay
{
    private readonly JointStateBox _joints;
    private readonly ReferenceBox? _goal;
    private readonly LaserScanBox? _scan;
    private readonly ObservationAssembler _assembler;
    private readonly IObservationEncoder[] _encoders;
    private readonly float[] _features;
    private readonly double[] _goalValues = new double[3];

    public ObservationReplay(DatasetOptions options, FeatureLayout layout)
    {
        JointStatesTopic = options.JointStatesTopic;
        GoalTopic = options.GoalTopic;
        _features = new float[layout.FeatureCount];
        var timeout = options.InputTimeout;
        _joints = new JointStateBox("joint_states", new JointOrder(options.JointNames), timeout);
        var inputs = new List<IObservationInput> { _joints };
        var encoders = new List<IObservationEncoder>();
        foreach (var slice in layout.Inputs)
        {
            var target = _features.AsMemory(slice.Offset, slice.Length);
            switch (slice.Name)
            {
                case "joint_pos":
                    encoders.Add(new JointStateEncoder(slice.Name, _joints, new JointStateEncoderOptions { Positions = true, Velocities = false }, target));
                    break;
                case "joint_vel":
                    encoders.Add(new JointStateEncoder(slice.Name, _joints, new JointStateEncoderOptions { Positions = false, Velocities = true }, target));
                    break;
                case "goal":
                    _goal = new ReferenceBox("goal", 3, timeout);
                    inputs.Add(_goal);
                    encoders.Add(new ReferenceEncoder(slice.Name, _goal, [], [], target));
                    break;
                case "scan":
                    _scan = new LaserScanBox("scan", options.ScanCapacityRanges, timeout);
                    inputs.Add(_scan);
                    encoders.Add(new LidarEncoder(slice.Name, _scan, new AngularBinner(options.ScanBins!, "scan_bins"), target));
                    break;
                default:
                    throw new InvalidOperationException("unknown input " + slice.Name);
            }
        }

        _encoders = [.. encoders];
        _assembler = new ObservationAssembler(inputs, new ObservationOptions { MaxSkew = options.MaxSkew });
    }

    public string JointStatesTopic { get; }

    public string? GoalTopic { get; }

    /// <summary>The features of the last successful <see cref="TryObserve"/>.</summary>
    public ReadOnlySpan<float> Features => _features;

    public void Write(JointState m, long recvNs) =>
        _joints.Write(Stamp(m.Header.Stamp), Ticks(recvNs), m.Name, m.Position, m.Velocity, m.Effort);

    public void Write(PoseStamped m, long recvNs)
    {
        _goalValues[0] = m.Pose.Position.X;
        _goalValues[1] = m.Pose.Position.Y;
        _goalValues[2] = m.Pose.Position.Z;
        _goal?.Write(Stamp(m.Header.Stamp), Ticks(recvNs), _goalValues);
    }

    public void Write(LaserScan m, long recvNs) =>
        _scan?.Write(
            Stamp(m.Header.Stamp), Ticks(recvNs),
            new LaserScanGeometry(m.AngleMin, m.AngleMax, m.AngleIncrement, m.TimeIncrement, m.ScanTime, m.RangeMin, m.RangeMax),
            m.Ranges, m.Intensities);

    /// <summary>Takes the snapshot at <paramref name="nowNs"/> and encodes it; false when the node would refuse it.</summary>
    public bool TryObserve(long nowNs)
    {
        var snapshot = _assembler.Take(Ticks(nowNs));
        if (!snapshot.IsUsable)
        {
            return false;
        }

        foreach (var e in _encoders)
        {
            if (e.Encode(snapshot) != PreprocessStatus.Ok)
            {
                return false;
            }
        }

        return true;
    }

    internal static TimeSpan Ticks(long ns) => TimeSpan.FromTicks(ns / 100);

    private static TimeSpan Stamp(Time t) => TimeSpan.FromTicks((t.Sec * 10_000_000L) + (t.Nanosec / 100));
}
