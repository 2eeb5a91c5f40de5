using Apprentice.Core.Observations;

namespace Apprentice.Core.Tests.Observations;

public sealed class ObservationSnapshotTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);
    private static readonly LaserScanGeometry Geometry = new(-1f, 1f, 1f, 0f, 0.1f, 0.1f, 10f);

    private static (JointStateBox Joints, LaserScanBox Scan, ObservationAssembler Assembler) Make(TimeSpan? maxSkew)
    {
        var joints = new JointStateBox("joints", new JointOrder(["a"]), 20 * Ms);
        var scan = new LaserScanBox("scan", 8, 100 * Ms);
        return (joints, scan, new ObservationAssembler([joints, scan], new ObservationOptions { MaxSkew = maxSkew }));
    }

    [Test]
    public void Inputs_that_never_arrived_are_missing_and_the_snapshot_is_not_usable()
    {
        var (joints, _, assembler) = Make(null);
        joints.Write(0 * Ms, 0 * Ms, ["a"], [1.0], [], []);
        var snapshot = assembler.Take(1 * Ms);

        Assert.That(snapshot.Statuses[0].State, Is.EqualTo(InputState.Fresh));
        Assert.That(snapshot.Statuses[1].State, Is.EqualTo(InputState.Missing));
        Assert.That(snapshot.FirstNotFresh, Is.EqualTo(1));
        Assert.That(snapshot.NotFreshMask, Is.EqualTo(0b10UL));
        Assert.That(snapshot.IsUsable, Is.False);
    }

    [Test]
    public void Ages_are_measured_from_receive_time_and_inputs_older_than_their_timeout_are_stale()
    {
        var (joints, scan, assembler) = Make(null);
        joints.Write(1000 * Ms, 100 * Ms, ["a"], [1.0], [], []);
        scan.Write(1000 * Ms, 100 * Ms, Geometry, [1f, 2f, 3f], []);

        var at115 = assembler.Take(115 * Ms);
        Assert.That(at115.Statuses[0].Age, Is.EqualTo(15 * Ms));
        Assert.That(at115.IsUsable, Is.True);

        var at130 = assembler.Take(130 * Ms);
        Assert.That(at130.Statuses[0].State, Is.EqualTo(InputState.Stale));
        Assert.That(at130.Statuses[1].State, Is.EqualTo(InputState.Fresh));
        Assert.That(at130.IsUsable, Is.False);
    }

    [Test]
    public void Header_stamps_further_apart_than_the_max_skew_make_the_snapshot_unusable()
    {
        var (joints, scan, assembler) = Make(30 * Ms);
        joints.Write(1000 * Ms, 100 * Ms, ["a"], [1.0], [], []);
        scan.Write(1025 * Ms, 100 * Ms, Geometry, [1f], []);
        var aligned = assembler.Take(101 * Ms);
        Assert.That(aligned.Skew, Is.EqualTo(25 * Ms));
        Assert.That(aligned.IsUsable, Is.True);

        scan.Write(1040 * Ms, 102 * Ms, Geometry, [1f], []);
        var skewed = assembler.Take(103 * Ms);
        Assert.That(skewed.Skew, Is.EqualTo(40 * Ms));
        Assert.That(skewed.SkewExceeded, Is.True);
        Assert.That(skewed.IsUsable, Is.False);
    }

    [Test]
    public void An_input_excluded_from_alignment_does_not_count_toward_skew()
    {
        var joints = new JointStateBox("joints", new JointOrder(["a"]), 20 * Ms);
        var scan = new LaserScanBox("scan", 8, 100 * Ms) { TakesPartInAlignment = false };
        var assembler = new ObservationAssembler([joints, scan], new ObservationOptions { MaxSkew = 10 * Ms });
        joints.Write(1000 * Ms, 100 * Ms, ["a"], [1.0], [], []);
        scan.Write(5000 * Ms, 100 * Ms, Geometry, [1f], []);

        Assert.That(assembler.Take(101 * Ms).IsUsable, Is.True);
    }

    [Test]
    public void Snapshot_keeps_the_sample_it_took_while_the_writer_stores_newer_ones()
    {
        var (joints, _, assembler) = Make(null);
        joints.Write(0 * Ms, 0 * Ms, ["a"], [1.0], [], []);
        var snapshot = assembler.Take(1 * Ms);
        var taken = snapshot.Get(joints);
        joints.Write(0 * Ms, 1 * Ms, ["a"], [2.0], [], []);
        joints.Write(0 * Ms, 2 * Ms, ["a"], [3.0], [], []);

        Assert.That(taken.Positions[0], Is.EqualTo(1.0));
        Assert.That(assembler.Take(3 * Ms).Get(joints).Positions[0], Is.EqualTo(3.0));
    }

    [Test]
    public void Duplicate_input_names_are_a_configuration_error()
    {
        var a = new LaserScanBox("scan", 8, Ms);
        var b = new LaserScanBox("scan", 8, Ms);
        Assert.Throws<ConfigurationException>(() => _ = new ObservationAssembler([a, b]));
    }
}
