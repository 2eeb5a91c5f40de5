using Apprentice.Core.Observations;

namespace Apprentice.Core.Tests.Observations;

public sealed class JointStateBoxTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    [Test]
    public void Values_are_reordered_from_message_order_to_configured_order()
    {
        var box = new JointStateBox("joints", new JointOrder(["a", "b", "c"]), Timeout);
        var result = box.Write(TimeSpan.Zero, TimeSpan.Zero, ["c", "extra", "a", "b"], [3.0, 9.0, 1.0, 2.0], [30.0, 90.0, 10.0, 20.0], []);
        var sample = ((IObservationInput)box).AcquireLatest() as JointStateSample;

        Assert.That(result, Is.EqualTo(WriteResult.Stored));
        Assert.That(sample!.Positions, Is.EqualTo(new[] { 1.0, 2.0, 3.0 }));
        Assert.That(sample.Velocities, Is.EqualTo(new[] { 10.0, 20.0, 30.0 }));
        Assert.That(sample.HasVelocities, Is.True);
        Assert.That(sample.HasEfforts, Is.False);
    }

    [Test]
    public void Mapping_is_rebuilt_once_per_distinct_name_order()
    {
        var box = new JointStateBox("joints", new JointOrder(["a", "b"]), Timeout);
        string[] order1 = ["a", "b"];
        string[] order2 = ["b", "a"];
        for (var i = 0; i < 5; i++)
        {
            box.Write(TimeSpan.Zero, TimeSpan.Zero, order1, [1, 2], [], []);
        }

        for (var i = 0; i < 5; i++)
        {
            box.Write(TimeSpan.Zero, TimeSpan.Zero, ["b", "a"], [2, 1], [], []);
        }

        box.Write(TimeSpan.Zero, TimeSpan.Zero, order2, [2, 1], [], []);
        Assert.That(box.MappingRebuilds, Is.EqualTo(2));
    }

    [Test]
    public void Two_publishers_alternating_name_orders_reuse_their_mappings()
    {
        var box = new JointStateBox("joints", new JointOrder(["a", "b"]), Timeout);
        var assembler = new ObservationAssembler([box]);
        for (var i = 0; i < 10; i++)
        {
            box.Write(TimeSpan.Zero, TimeSpan.Zero, ["a", "b"], [1, 2], [], []);
            Assert.That(assembler.Take(default).Get(box).Positions, Is.EqualTo(new[] { 1.0, 2.0 }));
            box.Write(TimeSpan.Zero, TimeSpan.Zero, ["b", "x", "a"], [2, 9, 1], [], []);
            Assert.That(assembler.Take(default).Get(box).Positions, Is.EqualTo(new[] { 1.0, 2.0 }));
        }

        Assert.That(box.MappingRebuilds, Is.EqualTo(2));
    }

    [Test]
    public void Message_missing_a_configured_joint_is_stored_unusable_and_names_the_joint()
    {
        var box = new JointStateBox("joints", new JointOrder(["a", "b"]), Timeout);
        var result = box.Write(TimeSpan.Zero, TimeSpan.Zero, ["a"], [1.0], [], []);
        var assembler = new ObservationAssembler([box]);
        var snapshot = assembler.Take(TimeSpan.FromMilliseconds(1));

        Assert.That(result, Is.EqualTo(WriteResult.StoredUnusable));
        Assert.That(snapshot.Get(box).MissingJoint, Is.EqualTo(1));
        Assert.That(snapshot.Statuses[0].State, Is.EqualTo(InputState.Unusable));
        Assert.That(snapshot.IsUsable, Is.False);
    }

    [Test]
    public void Inconsistent_lengths_are_rejected_and_the_previous_sample_stays()
    {
        var box = new JointStateBox("joints", new JointOrder(["a"]), Timeout);
        box.Write(TimeSpan.Zero, TimeSpan.Zero, ["a"], [1.0], [], []);
        var result = box.Write(TimeSpan.Zero, TimeSpan.Zero, ["a"], [5.0], [1.0, 2.0], []);
        var sample = (JointStateSample)((IObservationInput)box).AcquireLatest();

        Assert.That(result, Is.EqualTo(WriteResult.Rejected));
        Assert.That(box.RejectedCount, Is.EqualTo(1));
        Assert.That(sample.Positions[0], Is.EqualTo(1.0));
    }

    [Test]
    public void Writing_with_an_unchanged_name_order_allocates_nothing()
    {
        var box = new JointStateBox("joints", new JointOrder(["a", "b"]), Timeout);
        string[] names = ["b", "a"];
        double[] pos = [2, 1];
        double[] empty = [];
        box.Write(TimeSpan.Zero, TimeSpan.Zero, names, pos, empty, empty);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            box.Write(TimeSpan.Zero, TimeSpan.Zero, names, pos, empty, empty);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
