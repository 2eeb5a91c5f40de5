using Apprentice.Core.Control;
using Apprentice.Core.Observations;
using Apprentice.Core.Policies;
using Apprentice.Core.Preprocessing;
using Apprentice.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace Apprentice.Core.Tests.Support;

/// <summary>A control loop over one joint-state input, a <see cref="FakePolicy"/> and a recording sink, on fake time.</summary>
internal sealed class LoopRig
{
    public static readonly string[] JointNames = ["j1", "j2"];
    private readonly double[] _positions = new double[2];
    private readonly double[] _empty = [];

    public LoopRig(ControlLoopOptions? options = null, int chunkLength = 1, double maxDecel = 10.0, int workerDelayPolls = 0)
    {
        Options = options ?? new ControlLoopOptions { Period = TimeSpan.FromMilliseconds(10), InferenceBudget = TimeSpan.FromMilliseconds(6) };
        Clock = new FakeTimeProvider();
        Joints = new JointStateBox("joints", new JointOrder(JointNames), TimeSpan.FromMilliseconds(50));
        Assembler = new ObservationAssembler([Joints]);
        Policy = new FakePolicy(2, 2, chunkLength, Clock);
        Sink = new RecordingSink(2);
        var encoder = new JointStateEncoder("obs", Joints, new JointStateEncoderOptions(), Policy.Input);
        if (Options.Mode == ControlMode.Chunked)
        {
            Worker = new InlineChunkWorker(Policy) { DelayPolls = workerDelayPolls };
        }

        Loop = new ControlLoop(Options, new ControlLoopParts
        {
            Assembler = Assembler,
            Encoders = [encoder],
            Policy = Policy,
            Limits = new ActionLimits([-1000f, -1000f], [1000f, 1000f]),
            Fallback = new SmoothHaltFallback(new SmoothHaltOptions { MaxDecelerationPerSec2 = [maxDecel, maxDecel] }, 2),
            Sink = Sink,
            Clock = Clock,
            Worker = Worker,
        });
    }

    public ControlLoopOptions Options { get; }

    public FakeTimeProvider Clock { get; }

    public JointStateBox Joints { get; }

    public ObservationAssembler Assembler { get; }

    public FakePolicy Policy { get; }

    public RecordingSink Sink { get; }

    public InlineChunkWorker? Worker { get; }

    public ControlLoop Loop { get; }

    public TimeSpan Now => MonotonicTime.Now(Clock);

    /// <summary>Publishes a joint state received now with position[0] = <paramref name="p0"/>.</summary>
    public void Feed(double p0)
    {
        _positions[0] = p0;
        _positions[1] = -p0;
        Joints.Write(Now, Now, JointNames, _positions, _empty, _empty);
    }

    /// <summary>Runs one tick at the current fake time, then advances the clock to the next tick.</summary>
    public Apprentice.Core.Status.PolicyStatusSnapshot Tick()
    {
        var start = Now;
        var status = Loop.Update(start, Options.Period);
        var end = Now;
        Clock.Advance(Options.Period - (end - start));
        return status;
    }
}
