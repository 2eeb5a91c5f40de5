using Apprentice.Core.Control;
using Apprentice.Core.Tests.Support;

namespace Apprentice.Core.Tests.Control;

public sealed class ControlLoopRunnerTests
{
    [Test]
    public void Runner_ticks_on_schedule_under_fake_time_and_counts_skipped_ticks()
    {
        var rig = new LoopRig();
        var period = rig.Options.Period;
        rig.Feed(1.0);
        using var runner = new ControlLoopRunner(rig.Loop, rig.Clock);
        runner.Start();
        Assert.That(WaitForTicks(rig, runner, 1), Is.True, "tick 0 runs at start");

        for (var k = 2; k <= 5; k++)
        {
            rig.Clock.Advance(period);
            Assert.That(WaitForTicks(rig, runner, k), Is.True, "tick " + (k - 1));
        }

        Assert.That(rig.Loop.Counters.MissedTicks, Is.Zero);
        rig.Clock.Advance(period * 4);
        Assert.That(WaitForTicks(rig, runner, 6), Is.True);
        Assert.That(rig.Loop.Counters.MissedTicks, Is.EqualTo(3), "a jump of four periods runs one tick and skips three");
        Assert.That(rig.Sink.Count, Is.EqualTo(6));
    }

    private static bool WaitForTicks(LoopRig rig, ControlLoopRunner runner, long ticks)
    {
        // The runner may arm its timer just after an Advance; nudging fake time by 1 µs wakes it
        // without reaching the next period.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var nudged = 0;
        while (DateTime.UtcNow < deadline)
        {
            if (runner.Ticks >= ticks)
            {
                return runner.Ticks == ticks;
            }

            Thread.Sleep(2);
            if (nudged++ % 10 == 9)
            {
                rig.Clock.Advance(TimeSpan.FromTicks(10));
            }
        }

        TestContext.Out.WriteLine("ticks " + runner.Ticks + " now " + rig.Now + " status " + rig.Loop.LastStatus);
        return false;
    }
}
