using Apprentice.Onnx.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace Apprentice.Onnx.Tests.Runtime;

/// <summary>The budget watchdog under fake time.</summary>
public sealed class RunWatchdogTests
{
    [Test]
    public void Budget_running_out_sets_terminate_and_disarm_clears_it()
    {
        var time = new FakeTimeProvider();
        using var watchdog = new RunWatchdog(time);
        watchdog.Arm(TimeSpan.FromMilliseconds(5));
        time.Advance(TimeSpan.FromMilliseconds(4));
        Assert.That(watchdog.Options.Terminate, Is.False);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(watchdog.Options.Terminate, Is.True);
        Assert.That(watchdog.Disarm(), Is.True);
        Assert.That(watchdog.Options.Terminate, Is.False);
    }

    [Test]
    public void Run_finishing_in_time_is_not_terminated_later()
    {
        var time = new FakeTimeProvider();
        using var watchdog = new RunWatchdog(time);
        watchdog.Arm(TimeSpan.FromMilliseconds(5));
        time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.That(watchdog.Disarm(), Is.False);

        time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.That(watchdog.Options.Terminate, Is.False);
    }

    [Test]
    public void No_budget_arms_nothing()
    {
        var time = new FakeTimeProvider();
        using var watchdog = new RunWatchdog(time);
        watchdog.Arm(Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Multiple(() =>
        {
            Assert.That(watchdog.Options.Terminate, Is.False);
            Assert.That(watchdog.Disarm(), Is.False);
        });
    }
}
