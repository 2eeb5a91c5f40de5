using Apprentice.Sim.Nodes;

namespace Apprentice.Sim.Tests.Nodes;

public sealed class SimClockTimerTests
{
    [Test]
    public void A_periodic_timer_fires_on_simulated_time_only()
    {
        var clock = new SimClock();
        var fired = new List<TimeSpan>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.Elapsed), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));

        Thread.Sleep(150);
        Assert.That(fired, Is.Empty, "wall time passing must not fire a sim-time timer");
        for (var i = 0; i < 7; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        Assert.That(fired, Is.EqualTo(new[] { TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300) }));
    }

    [Test]
    public void One_long_step_fires_every_period_it_covers_in_due_order()
    {
        var clock = new SimClock();
        var order = new List<string>();
        using var a = clock.CreateTimer(_ => order.Add("a"), null, TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(40));
        using var b = clock.CreateTimer(_ => order.Add("b"), null, TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromMilliseconds(120));
        Assert.That(order, Is.EqualTo(new[] { "a", "b", "a", "a" }));
    }

    [Test]
    public void Change_and_dispose_disarm_it()
    {
        var clock = new SimClock();
        var count = 0;
        var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10));
        clock.Advance(TimeSpan.FromMilliseconds(10));
        Assert.That(timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan), Is.True);
        clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.That(count, Is.EqualTo(1));
        timer.Change(TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(count, Is.EqualTo(2));
        timer.Dispose();
        clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.That(count, Is.EqualTo(2));
        Assert.That(timer.Change(TimeSpan.Zero, TimeSpan.Zero), Is.False);
    }
}
