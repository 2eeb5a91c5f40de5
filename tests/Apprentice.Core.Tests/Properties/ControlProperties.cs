using Apprentice.Core.Control;
using Apprentice.Core.Policies;
using CsCheck;

namespace Apprentice.Core.Tests.Properties;

public sealed class ControlProperties
{
    [Test]
    public void Smooth_halt_never_exceeds_the_deceleration_limit_never_speeds_up_and_keeps_direction()
    {
        var dims = Gen.Int[1, 7];
        dims.SelectMany(n => Gen.Select(Gen.Double[-5, 5].Array[n], Gen.Double[0.01, 20].Array[n], Gen.Int[1, 100])).Sample((velocity, decel, periodMs) =>
        {
            var n = velocity.Length;
            var halt = new SmoothHaltFallback(new SmoothHaltOptions { MaxDecelerationPerSec2 = decel }, n);
            var period = TimeSpan.FromMilliseconds(periodMs);
            var dt = period.TotalSeconds;
            var command = new double[n];
            Assert.That(halt.TryProduce(new FallbackContext(default, period, PolicyOutcome.BudgetExceeded, null, velocity, velocity, 2), command), Is.True);
            for (var i = 0; i < n; i++)
            {
                Assert.That(Math.Abs(command[i] - velocity[i]), Is.LessThanOrEqualTo((decel[i] * dt) + 1e-9));
                Assert.That(Math.Abs(command[i]), Is.LessThanOrEqualTo(Math.Abs(velocity[i]) + 1e-12));
                Assert.That(command[i] * velocity[i], Is.GreaterThanOrEqualTo(0.0));
            }
        }, iter: 2000);
    }

    [Test]
    public void Ensembled_action_lies_between_the_smallest_and_largest_prediction_for_the_tick()
    {
        Gen.Select(Gen.Int[1, 8], Gen.Double[0, 2], Gen.Float[-100, 100].Array[64]).Sample((chunkLength, decay, pool) =>
        {
            var ensembler = new TemporalEnsembler(1, chunkLength, decay);
            var chunks = Math.Min(chunkLength, 8);
            for (var s = 0; s < chunks; s++)
            {
                ensembler.Add(s, pool.AsSpan(s * 8, chunkLength));
            }

            var tick = chunks - 1;
            var predictions = Enumerable.Range(0, chunks)
                .Where(s => tick - s < chunkLength)
                .Select(s => (double)pool[(s * 8) + (tick - s)]).ToArray();
            var action = new double[1];
            Assert.That(ensembler.TryGetAction(tick, action), Is.True);
            Assert.That(action[0], Is.InRange(predictions.Min() - 1e-4, predictions.Max() + 1e-4));
        }, iter: 1000);
    }
}
