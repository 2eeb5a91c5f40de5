using Apprentice.Core.Control;
using Apprentice.Core.Policies;
using Apprentice.Core.Preprocessing;
using Apprentice.Core.Status;
using Apprentice.Core.Tests.Support;

namespace Apprentice.Core.Tests.Control;

public sealed class SynchronousLoopTests
{
    [Test]
    public void Ok_policy_action_is_published_as_the_command()
    {
        var rig = new LoopRig();
        rig.Feed(0.5);
        var status = rig.Tick();

        Assert.That(status.Outcome, Is.EqualTo(PolicyOutcome.Ok));
        Assert.That(status.Source, Is.EqualTo(CommandSource.Policy));
        Assert.That(rig.Sink.Last, Is.EqualTo(new[] { FakePolicy.Expected(0.5f, 0, 0), FakePolicy.Expected(0.5f, 0, 1) }).Within(1e-6));
        Assert.That(rig.Policy.LastBudget, Is.LessThanOrEqualTo(TimeSpan.FromMilliseconds(6)));
    }

    [Test]
    public void Slow_or_bad_policy_gets_the_right_outcome_and_the_fallback_every_time_and_no_tick_is_late()
    {
        var rig = new LoopRig();
        rig.Policy.SlowBy = TimeSpan.FromMilliseconds(7); // beyond the 6 ms budget, inside the 10 ms period
        (FakeBehaviour Behaviour, PolicyOutcome Outcome)[] script =
        [
            (FakeBehaviour.Ok, PolicyOutcome.Ok),
            (FakeBehaviour.Slow, PolicyOutcome.BudgetExceeded),
            (FakeBehaviour.NaN, PolicyOutcome.InvalidOutput),
            (FakeBehaviour.Ok, PolicyOutcome.Ok),
            (FakeBehaviour.Infinite, PolicyOutcome.InvalidOutput),
            (FakeBehaviour.OutOfRange, PolicyOutcome.InvalidOutput),
            (FakeBehaviour.ModelError, PolicyOutcome.ModelError),
            (FakeBehaviour.Throws, PolicyOutcome.ModelError),
            (FakeBehaviour.SlowButCancelled, PolicyOutcome.BudgetExceeded),
            (FakeBehaviour.Ok, PolicyOutcome.Ok),
        ];
        rig.Policy.Script = [.. script.Select(s => s.Behaviour)];
        var scheduler = new TickScheduler(rig.Options.Period);
        scheduler.Start(rig.Now);

        for (var round = 0; round < 3; round++)
        {
            for (var k = 0; k < script.Length; k++)
            {
                Assert.That(scheduler.TryBegin(rig.Now, out _, out _, out var missed), Is.True, "tick due on time");
                Assert.That(missed, Is.Zero, "no tick late");
                rig.Feed(1.0);
                var published = rig.Sink.Count;
                var status = rig.Tick();
                var expected = script[k].Outcome;
                Assert.That(status.Outcome, Is.EqualTo(expected), "step " + k);
                Assert.That(status.Source, Is.EqualTo(expected == PolicyOutcome.Ok ? CommandSource.Policy : CommandSource.Fallback), "step " + k);
                Assert.That(rig.Sink.Count, Is.EqualTo(published + 1), "one command per tick");
                Assert.That(rig.Sink.Last.All(double.IsFinite), Is.True, "never a non-finite command");
            }
        }

        Assert.That(rig.Loop.Counters.DeadlineMisses, Is.EqualTo(6));
        Assert.That(rig.Loop.Counters.Count(PolicyOutcome.InvalidOutput), Is.EqualTo(9));
        Assert.That(rig.Loop.Counters.FallbackTicks, Is.EqualTo(21));
        Assert.That(scheduler.MissedTotal, Is.Zero);
    }

    [Test]
    public void Fallback_decelerates_from_the_last_policy_command_within_the_limit()
    {
        var rig = new LoopRig(maxDecel: 10.0); // 0.1 per 10 ms tick
        rig.Feed(2.0);
        rig.Tick(); // command [2, 3]
        rig.Policy.Script = [FakeBehaviour.NaN];
        var last = rig.Sink.Last.ToArray();
        for (var i = 0; i < 5; i++)
        {
            rig.Feed(2.0);
            Assert.That(rig.Tick().Source, Is.EqualTo(CommandSource.Fallback));
            var now = rig.Sink.Last;
            Assert.That(Math.Abs(now[1] - last[1]), Is.EqualTo(0.1).Within(1e-9), "tightest joint decelerates at the limit");
            Assert.That(now[0] / now[1], Is.EqualTo(2.0 / 3.0).Within(1e-9), "direction kept");
            last = now.ToArray();
        }
    }

    [Test]
    public void Stale_inputs_hand_the_tick_to_the_fallback_and_fresh_inputs_restore_the_policy()
    {
        var rig = new LoopRig();
        rig.Feed(1.0);
        Assert.That(rig.Tick().Outcome, Is.EqualTo(PolicyOutcome.Ok));
        for (var i = 0; i < 5; i++)
        {
            Assert.That(rig.Tick().Outcome, Is.EqualTo(PolicyOutcome.Ok), "age up to and including the 50 ms timeout");
        }

        var stale = rig.Tick();
        Assert.That(stale.Outcome, Is.EqualTo(PolicyOutcome.InputsStale));
        Assert.That(stale.Source, Is.EqualTo(CommandSource.Fallback));
        Assert.That(stale.StaleInputMask, Is.EqualTo(1UL));
        Assert.That(stale.Alpha, Is.Zero);
        rig.Feed(1.0);
        Assert.That(rig.Tick().Outcome, Is.EqualTo(PolicyOutcome.Ok));
    }

    [Test]
    public void Inputs_never_received_give_inputs_stale_and_a_zero_velocity_command()
    {
        var rig = new LoopRig();
        var status = rig.Tick();
        Assert.That(status.Outcome, Is.EqualTo(PolicyOutcome.InputsStale));
        Assert.That(rig.Sink.Last, Is.EqualTo(new[] { 0.0, 0.0 }));
        Assert.That(rig.Policy.Calls, Is.Zero);
    }

    [Test]
    public void A_throwing_sink_is_caught_by_the_tick_barrier_and_counted_as_a_fault()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var rig = new LoopRig();
        var loop = new ControlLoop(rig.Options, new ControlLoopParts
        {
            Assembler = rig.Assembler,
            Encoders = [new JointStateEncoder("obs", rig.Joints, new JointStateEncoderOptions(), rig.Policy.Input)],
            Policy = rig.Policy,
            Fallback = new SmoothHaltFallback(new SmoothHaltOptions { MaxDecelerationPerSec2 = [1, 1] }, 2),
            Sink = new ThrowingSink(),
            Clock = clock,
        });
        rig.Feed(1.0);
        PolicyStatusSnapshot status = default;
        Assert.DoesNotThrow(() => status = loop.Update(rig.Now, rig.Options.Period));
        Assert.That(status.Outcome, Is.EqualTo(PolicyOutcome.ModelError));
        Assert.That(status.Source, Is.EqualTo(CommandSource.None));
        Assert.That(loop.Counters.Faults, Is.EqualTo(1));
    }

    [Test]
    public void Stage_latencies_are_reported_and_recorded()
    {
        var rig = new LoopRig();
        rig.Policy.Script = [FakeBehaviour.Slow];
        rig.Policy.SlowBy = TimeSpan.FromMilliseconds(3);
        rig.Feed(1.0);
        var status = rig.Tick();
        Assert.That(status.Latencies.Inference, Is.EqualTo(TimeSpan.FromMilliseconds(3)));
        Assert.That(rig.Loop.Timings.Summarise(PipelineStage.Inference).Max, Is.EqualTo(TimeSpan.FromMilliseconds(3)).Within(TimeSpan.FromMilliseconds(0.01)));
        Assert.That(rig.Loop.Timings.Summarise(PipelineStage.Inference).Count, Is.EqualTo(1));
    }

    [Test]
    public void Budget_longer_than_the_period_in_synchronous_mode_is_a_configuration_error()
    {
        var options = new ControlLoopOptions { Period = TimeSpan.FromMilliseconds(10), InferenceBudget = TimeSpan.FromMilliseconds(11) };
        var ex = Assert.Throws<ConfigurationException>(options.Validate);
        Assert.That(ex!.Field, Is.EqualTo("control.inference_budget"));
    }

    [Test]
    public void A_model_input_without_an_encoder_is_a_configuration_error_naming_the_input()
    {
        var rig = new LoopRig();
        var ex = Assert.Throws<ConfigurationException>(() => _ = new ControlLoop(rig.Options, new ControlLoopParts
        {
            Assembler = rig.Assembler,
            Encoders = [],
            Policy = rig.Policy,
            Fallback = new SmoothHaltFallback(new SmoothHaltOptions { MaxDecelerationPerSec2 = [1, 1] }, 2),
            Sink = rig.Sink,
            Clock = rig.Clock,
        }));
        Assert.That(ex!.Field, Is.EqualTo("policy.inputs.obs"));
    }

    private sealed class ThrowingSink : ICommandSink
    {
        public void Publish(TimeSpan tickTime, ReadOnlySpan<double> command, CommandSource source) =>
            throw new InvalidOperationException("sink down");
    }
}
