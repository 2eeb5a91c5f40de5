using Apprentice.Safety.Planner;
using CsCheck;

namespace Apprentice.Safety.Tests.Planner;

public sealed class DemonstrationAnchorTests
{
    /// <summary>Two demonstrations in 2-D: a line along x at y = 0 and one at y = 1, 21 points each.</summary>
    internal static DemonstrationAnchor TwoLines(double radius = 0.1)
    {
        var points = new List<float>();
        var ids = new List<int>();
        foreach (var (id, y) in new[] { (7, 0f), (9, 1f) })
        {
            for (var i = 0; i <= 20; i++)
            {
                points.AddRange([i * 0.05f, y]);
                ids.Add(id);
            }
        }

        return new DemonstrationAnchor(2, [0, 0], [1, 1], radius, points.ToArray(), ids.ToArray());
    }

    [Test]
    public void File_round_trips_exactly()
    {
        var anchor = TwoLines();
        var bytes = DemonstrationAnchorFile.Write(anchor);
        Assert.That(bytes.Length, Is.EqualTo(24 + (16 * 2) + (42 * (4 + 8))));
        var back = DemonstrationAnchorFile.Read(bytes);
        Assert.That(back.Dims, Is.EqualTo(2));
        Assert.That(back.Count, Is.EqualTo(42));
        Assert.That(back.TrajectoryCount, Is.EqualTo(2));
        Assert.That(back.RegionRadius, Is.EqualTo(0.1));
        Assert.That(DemonstrationAnchorFile.Write(back), Is.EqualTo(bytes));
    }

    [TestCase(0, "magic")]
    [TestCase(4, "version")]
    [TestCase(6, "dims")]
    [TestCase(8, "length")]
    [TestCase(12, "trajectories")]
    public void Corrupt_headers_raise_errors_naming_the_field(int offset, string expected)
    {
        var bytes = DemonstrationAnchorFile.Write(TwoLines());
        bytes[offset] ^= 0x5a;
        var ex = Assert.Throws<InvalidDataException>(() => DemonstrationAnchorFile.Read(bytes, "demo.apda"));
        Assert.That(ex!.Message, Does.StartWith("demo.apda").And.Contain(expected));
    }

    [Test]
    public void Fuzzed_files_fail_with_typed_errors_only()
    {
        var seed = DemonstrationAnchorFile.Write(TwoLines());
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Byte, Gen.Int[0, seed.Length]).Sample((at, value, cut) =>
        {
            var bytes = seed.ToArray();
            bytes[at] = value;
            try
            {
                DemonstrationAnchorFile.Read(bytes.AsSpan(0, Math.Max(cut, at + 1)));
            }
            catch (InvalidDataException)
            {
            }
        }, iter: 3000);
    }

    [Test]
    public void Nearest_search_agrees_with_a_linear_scan()
    {
        var anchor = TwoLines();
        Gen.Double[-1, 2].Array[2].Sample(s =>
        {
            var (index, distance) = anchor.Nearest(s);
            var expected = Enumerable.Range(0, anchor.Count).Min(i => Math.Sqrt(Math.Pow(s[0] - anchor.Point(i)[0], 2) + Math.Pow(s[1] - anchor.Point(i)[1], 2)));
            Assert.That(distance, Is.EqualTo(expected).Within(1e-9));
            Assert.That(index, Is.InRange(0, anchor.Count - 1));
        });
    }

    [Test]
    public void Off_the_demonstrations_the_anchor_returns_toward_the_nearest_one_and_inside_it_stays_silent()
    {
        var planner = new AnchorPlanner(TwoLines(), AnchorOptions.Default with { MaxSpeed = 10 });
        var cmd = new double[2];
        var inside = planner.Compute([0.5, 0.02], cmd);
        Assert.That(inside.Weight, Is.EqualTo(0));
        Assert.That(inside.Trajectory, Is.EqualTo(7));
        double[] state = [0.3, 0.35];
        var outcome = planner.Compute(state, cmd);
        Assert.That(outcome.OutsideRegion, Is.True);
        Assert.That(outcome.Trajectory, Is.EqualTo(7), "nearest demonstration is the y = 0 line");
        Assert.That(cmd[1], Is.LessThan(0), "pulled back toward y = 0");
        Assert.That(cmd[0], Is.GreaterThan(0), "and along the demonstration's direction of travel");
        for (var k = 0; k < 300; k++)
        {
            planner.Compute(state, cmd);
            state[0] += cmd[0] * 0.01;
            state[1] += cmd[1] * 0.01;
        }

        Assert.That(Math.Abs(state[1]), Is.LessThan(0.01), "back on the demonstration");
    }
}
