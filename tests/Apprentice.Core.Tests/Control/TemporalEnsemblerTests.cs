using Apprentice.Core.Control;

namespace Apprentice.Core.Tests.Control;

public sealed class TemporalEnsemblerTests
{
    [Test]
    public void Weights_are_exp_minus_m_i_normalised_with_the_oldest_chunk_first()
    {
        var w = new double[3];
        TemporalEnsembler.Weights(0.5, w);
        // 1, e^-0.5, e^-1 over their sum 1.9744101.
        Assert.That(w, Is.EqualTo(new[] { 0.5064804, 0.3071959, 0.1863237 }).Within(1e-6));
    }

    [Test]
    public void Action_is_the_weighted_mean_of_every_chunk_covering_the_tick()
    {
        var ensembler = new TemporalEnsembler(1, 3, 0.5);
        ensembler.Add(0, [1, 2, 3]);
        ensembler.Add(1, [10, 20, 30]);
        ensembler.Add(2, [100, 200, 300]);
        var action = new double[1];

        Assert.That(ensembler.TryGetAction(2, action), Is.True);
        Assert.That(action[0], Is.EqualTo((3 * 0.5064804) + (20 * 0.3071959) + (100 * 0.1863237)).Within(1e-5));
        Assert.That(ensembler.TryGetAction(3, action), Is.True);
        Assert.That(action[0], Is.EqualTo((30 * 0.6224593) + (200 * 0.3775407)).Within(1e-5));
        Assert.That(ensembler.TryGetAction(5, action), Is.False);
        Assert.That(ensembler.Count, Is.Zero);
    }

    [Test]
    public void Without_ensembling_the_newest_covering_chunk_is_executed()
    {
        var ensembler = new TemporalEnsembler(2, 3, 0.5, ensemble: false);
        ensembler.Add(0, [1, -1, 2, -2, 3, -3]);
        ensembler.Add(1, [10, -10, 20, -20, 30, -30]);
        var action = new double[2];
        ensembler.TryGetAction(2, action);
        Assert.That(action, Is.EqualTo(new[] { 20.0, -20.0 }));
    }

    [Test]
    public void Zero_decay_gives_the_plain_mean_and_clear_forgets_everything()
    {
        var ensembler = new TemporalEnsembler(1, 2, 0.0);
        ensembler.Add(0, [1, 3]);
        ensembler.Add(1, [6, 0]);
        var action = new double[1];
        ensembler.TryGetAction(1, action);
        Assert.That(action[0], Is.EqualTo(4.5).Within(1e-12));
        ensembler.Clear();
        Assert.That(ensembler.TryGetAction(1, action), Is.False);
    }
}
