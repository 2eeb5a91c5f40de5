using Apprentice.Core.Observations;
using Apprentice.Core.Preprocessing;

namespace Apprentice.Core.Tests.Preprocessing;

public sealed class ReferenceEncoderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    [Test]
    public void Reference_is_normalised_per_element()
    {
        var box = new ReferenceBox("goal", 3, Timeout);
        box.Write(default, default, [0.5, -0.2, 0.3]);
        var target = new float[3];
        var encoder = new ReferenceEncoder("goal", box, [0.5f, 0f, 0.1f], [1f, 0.1f, 0.2f], target);

        Assert.That(encoder.Encode(new ObservationAssembler([box]).Take(default)), Is.EqualTo(PreprocessStatus.Ok));
        Assert.That(target, Is.EqualTo(new[] { 0f, -2f, 1f }).Within(1e-5f));
    }

    [Test]
    public void One_statistic_applies_to_every_element()
    {
        var box = new ReferenceBox("goal", 2, Timeout);
        box.Write(default, default, [3, 5]);
        var target = new float[2];
        var encoder = new ReferenceEncoder("goal", box, [1f], [2f], target);
        encoder.Encode(new ObservationAssembler([box]).Take(default));
        Assert.That(target, Is.EqualTo(new[] { 1f, 2f }).Within(1e-6f));
    }

    [TestCase(2)]
    [TestCase(4)]
    public void A_reference_of_the_wrong_length_is_rejected_and_the_last_one_kept(int length)
    {
        var box = new ReferenceBox("goal", 3, Timeout);
        box.Write(default, default, [1, 2, 3]);
        Assert.That(box.Write(default, default, new double[length]), Is.EqualTo(WriteResult.Rejected));
        var snapshot = new ObservationAssembler([box]).Take(default);
        Assert.That(snapshot.Get(box).Values.ToArray(), Is.EqualTo(new[] { 1.0, 2, 3 }));
        Assert.That(box.RejectedCount, Is.EqualTo(1));
    }

    [Test]
    public void A_non_finite_reference_is_rejected()
    {
        var box = new ReferenceBox("goal", 3, Timeout);
        Assert.That(box.Write(default, default, [1, double.NaN, 3]), Is.EqualTo(WriteResult.Rejected));
        Assert.That(box.Write(default, default, [1, double.PositiveInfinity, 3]), Is.EqualTo(WriteResult.Rejected));
    }

    [Test]
    public void Statistics_of_the_wrong_length_or_a_zero_std_are_configuration_errors()
    {
        var box = new ReferenceBox("goal", 3, Timeout);
        Assert.Throws<ConfigurationException>(() => _ = new ReferenceEncoder("goal", box, [1f, 2f], [], new float[3]));
        Assert.Throws<ConfigurationException>(() => _ = new ReferenceEncoder("goal", box, [], [0f], new float[3]));
        Assert.Throws<ConfigurationException>(() => _ = new ReferenceEncoder("goal", box, [], [], new float[2]));
        Assert.Throws<ConfigurationException>(() => _ = new ReferenceBox("goal", 0, Timeout));
    }

    [Test]
    public void Encoding_allocates_nothing()
    {
        var box = new ReferenceBox("goal", 3, Timeout);
        var assembler = new ObservationAssembler([box]);
        var encoder = new ReferenceEncoder("goal", box, [], [], new float[3]);
        double[] values = [1, 2, 3];
        box.Write(default, default, values);
        encoder.Encode(assembler.Take(default));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            box.Write(default, default, values);
            encoder.Encode(assembler.Take(default));
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
