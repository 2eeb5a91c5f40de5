using Apprentice.Core.Control;
using Apprentice.Core.Observations;
using Apprentice.Core.Preprocessing;
using Apprentice.Core.Status;
using Apprentice.Core.Time;
using Apprentice.Nodes.Policy;
using Apprentice.Onnx.Runtime;

namespace Apprentice.Nodes.Bench;

/// <summary>
/// The inputs, encoders and synchronous control loop of one bench scenario, wired to an ONNX
/// policy exactly as the policy node wires them, plus a feeder that writes fresh sensor samples
/// the way subscription callbacks do.
/// </summary>
internal sealed class BenchRig : ICardInputs
{
    private readonly JointStateBox _joints;
    private readonly LaserScanBox? _scan;
    private readonly ImageBox? _camera;
    private readonly double[] _positions;
    private readonly string[] _names;
    private readonly double[] _none = [];
    private readonly float[] _ranges = new float[1080];
    private readonly byte[] _rgb = new byte[96 * 96 * 3];
    private readonly TimeProvider _clock;
    private long _feeds;

    public BenchRig(BenchScenario scenario, OnnxPolicy policy, IReadOnlyList<string> jointNames, TimeProvider clock, TimeSpan? period = null)
    {
        _clock = clock;
        // Inputs go stale after 200 ms, or two periods for a slow loop.
        var inputTimeout = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(200).Ticks, 2 * (period ?? TimeSpan.Zero).Ticks));
        _positions = new double[jointNames.Count];
        _names = [.. jointNames];
        _joints = new JointStateBox("joint_states", new JointOrder(jointNames), inputTimeout);
        var inputs = new List<IObservationInput> { _joints };
        if (scenario == BenchScenario.Mlp)
        {
            _scan = new LaserScanBox("scan", _ranges.Length, inputTimeout);
            inputs.Add(_scan);
            Period = period ?? TimeSpan.FromSeconds(1.0 / 500);
        }
        else
        {
            _camera = new ImageBox("camera", _rgb.Length, inputTimeout);
            inputs.Add(_camera);
            Period = period ?? TimeSpan.FromSeconds(1.0 / 30);
        }

        // The same card-driven wiring as the policy node (LiDAR bins 0.05..10 m).
        var encoders = CardWiring.Encoders(policy.Session.Card, policy, this, jointNames, 0.05f, 10f, decoder: null);
        var dims = jointNames.Count;
        Loop = new ControlLoop(
            new ControlLoopOptions { Period = Period, Mode = ControlMode.Synchronous },
            new ControlLoopParts
            {
                Assembler = new ObservationAssembler(inputs),
                Encoders = encoders,
                Policy = policy,
                Fallback = new SmoothHaltFallback(
                    new SmoothHaltOptions { MaxDecelerationPerSec2 = [.. Enumerable.Repeat(5.0, dims)] }, dims),
                Sink = NullSink.Instance,
                Clock = clock,
            });
        Budget = new ControlLoopOptions { Period = Period }.EffectiveBudget;
    }

    public TimeSpan Period { get; }

    IReadOnlyList<JointStateBox> ICardInputs.JointBoxes => [_joints];

    ImageBox? ICardInputs.Camera => _camera;

    LaserScanBox? ICardInputs.Scan => _scan;

    PointCloudBox? ICardInputs.Cloud => null;

    ReferenceBox? ICardInputs.Reference => null;

    public TimeSpan Budget { get; }

    public ControlLoop Loop { get; }

    /// <summary>Writes one fresh sample to every input, as the subscription callbacks would (allocation-free).</summary>
    public void Feed()
    {
        var now = MonotonicTime.Now(_clock);
        var phase = (_feeds++ % 1000) * 0.001;
        for (var i = 0; i < _positions.Length; i++)
        {
            _positions[i] = 0.1 * i + phase;
        }

        _joints.Write(now, now, _names, _positions, _none, _none);
        if (_scan is not null)
        {
            for (var i = 0; i < _ranges.Length; i++)
            {
                _ranges[i] = 1f + (float)((i + _feeds) % 50) * 0.1f;
            }

            var increment = 2 * MathF.PI / _ranges.Length;
            _scan.Write(now, now, new LaserScanGeometry(-MathF.PI, MathF.PI - increment, increment, 0, 0.1f, 0.05f, 10f), _ranges, []);
        }

        if (_camera is not null)
        {
            _rgb.AsSpan().Fill((byte)(_feeds % 255));
            _camera.WriteRaw(now, now, 96, 96, "rgb8", false, 96 * 3, _rgb);
        }
    }

    private sealed class NullSink : ICommandSink
    {
        public static readonly NullSink Instance = new();

        public void Publish(TimeSpan tickTime, ReadOnlySpan<double> command, CommandSource source)
        {
        }
    }
}
