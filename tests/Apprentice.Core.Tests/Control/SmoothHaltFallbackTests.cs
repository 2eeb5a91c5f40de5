using Apprentice.Core.Control;
using Apprentice.Core.Policies;

namespace Apprentice.Core.Tests.Control;

public sealed class SmoothHaltFallbackTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    [Test]
    public void Velocity_halt_respects_deceleration_keeps_direction_and_reaches_zero()
    {
        double[] decel = [1.0, 4.0];
        var halt = new SmoothHaltFallback(new SmoothHaltOptions { MaxDecelerationPerSec2 = decel }, 2);
        double[] last = [2.0, -1.0];
        var previous = new double[2];
        var command = new double[2];
        var ticks = 0;
        while (last[0] != 0 || last[1] != 0)
        {
            Assert.That(halt.TryProduce(new FallbackContext(default, Period, PolicyOutcome.BudgetExceeded, null, last, previous, 2), command), Is.True);
            for (var i = 0; i < 2; i++)
            {
                Assert.That(Math.Abs(command[i] - last[i]), Is.LessThanOrEqualTo((decel[i] * 0.1) + 1e-12));
                Assert.That(Math.Abs(command[i]), Is.LessThanOrEqualTo(Math.Abs(last[i])));
            }

            Assert.That(command[0] * -0.5, Is.EqualTo(command[1]).Within(1e-9), "direction kept");
            last.CopyTo(previous, 0);
            command.CopyTo(last, 0);
            Assert.That(++ticks, Is.LessThanOrEqualTo(21));
        }

        Assert.That(ticks, Is.EqualTo(20), "2 m/s at 1 m/s² in 0.1 s steps");
    }

    [Test]
    public void Velocity_halt_without_a_previous_command_commands_zero()
    {
        var halt = new SmoothHaltFallback(new SmoothHaltOptions { MaxDecelerationPerSec2 = [1.0] }, 1);
        var command = new[] { 5.0 };
        Assert.That(halt.TryProduce(new FallbackContext(default, Period, PolicyOutcome.InputsStale, null, [0.0], [0.0], 0), command), Is.True);
        Assert.That(command[0], Is.Zero);
    }

    [Test]
    public void Position_halt_integrates_the_decelerated_velocity_from_the_last_two_commands()
    {
        var halt = new SmoothHaltFallback(new SmoothHaltOptions { Kind = CommandKind.Position, MaxDecelerationPerSec2 = [2.0] }, 1);
        var command = new double[1];
        Assert.That(halt.TryProduce(new FallbackContext(default, Period, PolicyOutcome.InvalidOutput, null, [1.0], [0.9], 2), command), Is.True);
        Assert.That(command[0], Is.EqualTo(1.0 + (0.8 * 0.1)).Within(1e-12));
        Assert.That(halt.TryProduce(new FallbackContext(default, Period, PolicyOutcome.InvalidOutput, null, [0.0], [0.0], 0), command), Is.False);
    }

    [Test]
    public void Missing_or_non_positive_limits_are_configuration_errors()
    {
        Assert.Throws<ConfigurationException>(() => _ = new SmoothHaltFallback(new SmoothHaltOptions { MaxDecelerationPerSec2 = [1.0] }, 2));
        var ex = Assert.Throws<ConfigurationException>(() => _ = new SmoothHaltFallback(new SmoothHaltOptions { MaxDecelerationPerSec2 = [1.0, 0.0] }, 2));
        Assert.That(ex!.Field, Is.EqualTo("fallback.max_deceleration[1]"));
    }
}
