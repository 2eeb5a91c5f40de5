using Apprentice.Core.Control;
using Apprentice.Core.Policies;
using Apprentice.Core.Status;
using Apprentice.Core.Tests.Support;

namespace Apprentice.Core.Tests.Control;

public sealed class ChunkedLoopTests
{
    private static ControlLoopOptions Chunked(int interval = 1, bool ensemble = true, double decay = 0.0) => new()
    {
        Period = TimeSpan.FromMilliseconds(10),
        Mode = ControlMode.Chunked,
        ChunkQueryIntervalTicks = interval,
        TemporalEnsembling = ensemble,
        EnsembleDecay = decay,
    };

    [Test]
    public void Overlapping_chunks_are_ensembled_at_the_control_rate()
    {
        var rig = new LoopRig(Chunked(), chunkLength: 4);
        // Chunk s predicts p + 10·(t − s) + j for tick t; with decay 0 the action is the plain mean.
        double[] expectedStepMean = [double.NaN, 10, 15, 20, 20, 20];
        for (var t = 0; t < expectedStepMean.Length; t++)
        {
            rig.Feed(1.0);
            var status = rig.Tick();
            if (t == 0)
            {
                Assert.That(status.Outcome, Is.EqualTo(PolicyOutcome.BudgetExceeded), "no chunk yet");
                Assert.That(status.Source, Is.EqualTo(CommandSource.Fallback));
                continue;
            }

            Assert.That(status.Outcome, Is.EqualTo(PolicyOutcome.Ok), "tick " + t);
            Assert.That(rig.Sink.Last, Is.EqualTo(new[] { 1.0 + expectedStepMean[t], 1.0 + expectedStepMean[t] + 1 }).Within(1e-5), "tick " + t);
        }

        Assert.That(rig.Worker!.Submissions, Is.EqualTo(expectedStepMean.Length));
    }

    [Test]
    public void The_current_chunk_keeps_executing_while_the_next_is_late_and_the_fallback_takes_over_when_it_runs_out()
    {
        var rig = new LoopRig(Chunked(interval: 2, ensemble: false), chunkLength: 4);
        var outcomes = new List<PolicyOutcome>();
        var commands = new List<double>();
        for (var t = 0; t < 6; t++)
        {
            if (t == 2)
            {
                rig.Worker!.DelayPolls = 100; // the chunk requested at tick 2 is very late
            }

            rig.Feed(1.0);
            var status = rig.Tick();
            outcomes.Add(status.Outcome);
            commands.Add(rig.Sink.Last[0]);
        }

        Assert.That(outcomes, Is.EqualTo(new[]
        {
            PolicyOutcome.BudgetExceeded, PolicyOutcome.Ok, PolicyOutcome.Ok, PolicyOutcome.Ok,
            PolicyOutcome.BudgetExceeded, PolicyOutcome.BudgetExceeded,
        }));
        Assert.That(commands.Skip(1).Take(3), Is.EqualTo(new[] { 11.0, 21.0, 31.0 }).Within(1e-5), "steps 1–3 of the first chunk");
        Assert.That(rig.Loop.LateChunks, Is.EqualTo(2), "ticks 4 and 5 found the worker still busy");
    }

    [Test]
    public void An_invalid_chunk_hands_the_tick_to_the_fallback_and_discards_earlier_chunks()
    {
        var rig = new LoopRig(Chunked(), chunkLength: 4);
        rig.Policy.Script = [FakeBehaviour.Ok, FakeBehaviour.NaN, FakeBehaviour.Ok, FakeBehaviour.Ok, FakeBehaviour.Ok];
        var outcomes = new List<PolicyOutcome>();
        var sources = new List<CommandSource>();
        for (var t = 0; t < 4; t++)
        {
            rig.Feed(1.0);
            var status = rig.Tick();
            outcomes.Add(status.Outcome);
            sources.Add(status.Source);
        }

        Assert.That(outcomes, Is.EqualTo(new[] { PolicyOutcome.BudgetExceeded, PolicyOutcome.Ok, PolicyOutcome.InvalidOutput, PolicyOutcome.Ok }));
        Assert.That(sources, Is.EqualTo(new[] { CommandSource.Fallback, CommandSource.Policy, CommandSource.Fallback, CommandSource.Policy }));
        Assert.That(rig.Sink.Last[0], Is.EqualTo(11.0).Within(1e-5), "only the chunk from tick 2 (step 1) remains");
    }

    [Test]
    public void Stale_inputs_stop_chunk_execution_at_once()
    {
        var rig = new LoopRig(Chunked(), chunkLength: 20);
        rig.Feed(1.0);
        rig.Tick();
        rig.Tick();
        for (var i = 0; i < 4; i++)
        {
            rig.Tick();
        }

        var status = rig.Tick(); // 60 ms after the only sample, timeout 50 ms
        Assert.That(status.Outcome, Is.EqualTo(PolicyOutcome.InputsStale));
        Assert.That(status.Source, Is.EqualTo(CommandSource.Fallback));
    }

    [Test]
    public void Chunked_mode_without_a_worker_is_a_configuration_error()
    {
        var rig = new LoopRig();
        var ex = Assert.Throws<ConfigurationException>(() => _ = new ControlLoop(Chunked(), new ControlLoopParts
        {
            Assembler = rig.Assembler,
            Encoders = [],
            Policy = rig.Policy,
            Fallback = new SmoothHaltFallback(new SmoothHaltOptions { MaxDecelerationPerSec2 = [1, 1] }, 2),
            Sink = rig.Sink,
            Clock = rig.Clock,
        }));
        Assert.That(ex!.Field, Is.EqualTo("control.mode"));
    }
}
