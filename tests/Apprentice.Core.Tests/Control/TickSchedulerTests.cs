using Apprentice.Core.Control;

namespace Apprentice.Core.Tests.Control;

public sealed class TickSchedulerTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Test]
    public void Ticks_are_due_at_start_plus_k_periods_regardless_of_lateness()
    {
        var scheduler = new TickScheduler(Ms(10));
        scheduler.Start(Ms(100));

        Assert.That(scheduler.TryBegin(Ms(100), out var i0, out var s0, out _), Is.True);
        Assert.That(scheduler.TryBegin(Ms(105), out _, out _, out _), Is.False);
        Assert.That(scheduler.TryBegin(Ms(113.5), out var i1, out var s1, out var m1), Is.True);
        Assert.That((i0, s0, i1, s1, m1), Is.EqualTo((0L, Ms(100), 1L, Ms(110), 0L)));
        Assert.That(scheduler.NextDue, Is.EqualTo(Ms(120)));
    }

    [Test]
    public void Falling_behind_skips_to_the_latest_due_tick_and_counts_the_missed_ones()
    {
        var scheduler = new TickScheduler(Ms(10));
        scheduler.Start(Ms(0));
        scheduler.TryBegin(Ms(0), out _, out _, out _);

        Assert.That(scheduler.TryBegin(Ms(47), out var index, out var scheduled, out var missed), Is.True);
        Assert.That((index, scheduled, missed), Is.EqualTo((4L, Ms(40), 3L)));
        Assert.That(scheduler.MissedTotal, Is.EqualTo(3));
        Assert.That(scheduler.NextDue, Is.EqualTo(Ms(50)));
    }

    [Test]
    public void Nothing_is_due_before_start()
    {
        var scheduler = new TickScheduler(Ms(10));
        Assert.That(scheduler.TryBegin(Ms(1000), out _, out _, out _), Is.False);
        Assert.Throws<ConfigurationException>(() => _ = new TickScheduler(TimeSpan.Zero));
    }
}
