using Apprentice.Safety.Geometry;
using Apprentice.Sim.Physics;
using Apprentice.Sim.Tasks;

namespace Apprentice.Sim.Tests.Physics;

public class ReachSimulationTests
{
    private static byte[] QposBytesAfter(int seed)
    {
        using var sim = SimFixture.Load();
        sim.Reset(sim.Task.Generate(seed, 3));
        var random = new Random(seed);
        var qdot = new double[7];
        for (var k = 0; k < 40; k++)
        {
            for (var i = 0; i < 7; i++)
            {
                qdot[i] = 0.4 * ((2 * random.NextDouble()) - 1);
            }

            sim.CommandVelocity(qdot);
            sim.Step(TimeSpan.FromMilliseconds(50));
        }

        var q = new double[7];
        sim.GetJointPositions(q);
        return [.. q.SelectMany(BitConverter.GetBytes)];
    }

    [Test]
    public void SteppingIsDeterministicForASeed()
    {
        var a = QposBytesAfter(11);
        var b = QposBytesAfter(11);
        Assert.That(a, Is.EqualTo(b));
        Assert.That(QposBytesAfter(12), Is.Not.EqualTo(a));
    }

    [Test]
    public void VelocityCommandIsTrackedClosely()
    {
        using var sim = SimFixture.Load();
        var episode = sim.Task.Generate(1, 0);
        sim.Reset(episode);
        double[] qdot = [0.3, -0.2, 0.25, 0.3, -0.4, 0.3, 0.5];
        for (var k = 0; k < 20; k++)
        {
            sim.CommandVelocity(qdot);
            sim.Step(TimeSpan.FromMilliseconds(50));
        }

        var (q, v) = (new double[7], new double[7]);
        sim.GetJointPositions(q);
        sim.GetJointVelocities(v);
        for (var i = 0; i < 7; i++)
        {
            Assert.That(q[i], Is.EqualTo(episode.InitialJointPositions[i] + qdot[i]).Within(0.01), $"joint {i + 1} position after 1 s");
            Assert.That(v[i], Is.EqualTo(qdot[i]).Within(0.02), $"joint {i + 1} velocity");
        }
    }

    [Test]
    public void PositionCommandIsReachedAndHeld()
    {
        using var sim = SimFixture.Load();
        sim.Reset(sim.Task.Generate(1, 1));
        double[] target = [0.3, -0.5, 0.2, -2.0, 0.3, 1.8, 0.5];
        Assert.That(sim.CommandPosition(target), Is.EqualTo(CommandRejection.None));
        sim.Step(TimeSpan.FromSeconds(1.5));
        var q = new double[7];
        sim.GetJointPositions(q);
        Assert.That(q, Is.EqualTo(target).Within(0.005));
    }

    [Test]
    public void VelocityCommandTimesOutAndTheArmHolds()
    {
        using var sim = SimFixture.Load();
        sim.Reset(sim.Task.Generate(1, 2));
        sim.CommandVelocity([0.5, 0, 0, 0, 0, 0, 0]);
        sim.Step(TimeSpan.FromSeconds(1));
        Assert.That(sim.Mode, Is.EqualTo(CommandMode.Hold));
        var (a, b) = (new double[7], new double[7]);
        sim.GetJointPositions(a);
        sim.Step(TimeSpan.FromSeconds(0.5));
        sim.GetJointPositions(b);
        Assert.That(b[0], Is.EqualTo(a[0]).Within(1e-3));
        Assert.That(a[0] - sim.Episode.InitialJointPositions[0], Is.EqualTo(0.5 * SimFixture.Options.CommandTimeout.TotalSeconds).Within(0.02));
    }

    [TestCase(new double[] { 0.1, 0.1 }, CommandRejection.WrongLength)]
    [TestCase(new double[] { 0, 0, 0, double.NaN, 0, 0, 0 }, CommandRejection.NotFinite)]
    [TestCase(new double[] { 0, 0, 0, 0, 0, double.PositiveInfinity, 0 }, CommandRejection.NotFinite)]
    public void BadCommandsAreRejectedAndTheArmHolds(double[] command, CommandRejection expected)
    {
        using var sim = SimFixture.Load();
        sim.Reset(sim.Task.Generate(2, 0));
        Assert.That(sim.CommandVelocity(command), Is.EqualTo(expected));
        Assert.That(sim.CommandPosition(command), Is.EqualTo(expected));
        sim.Step(TimeSpan.FromSeconds(0.5));
        var q = new double[7];
        sim.GetJointPositions(q);
        Assert.That(sim.Mode, Is.EqualTo(CommandMode.Hold));
        Assert.That(q, Is.EqualTo(sim.Episode.InitialJointPositions).Within(2e-3));
    }

    [Test]
    public void ScanSeesTheObstacleAtTheRightRange()
    {
        using var sim = SimFixture.Load();
        var scan = SimFixture.Options.Scan;
        sim.PlaceObstacle(new Vec3(0.6, 0, 0.15));
        var ranges = new float[scan.RayCount];
        sim.Scan(ranges);
        // The ray along +x (angle 0) meets the obstacle's near face at x = 0.6 − 0.05 from the scanner at x = 0.
        var forward = (int)Math.Round((0 - scan.AngleMinRad) / scan.AngleIncrementRad);
        Assert.That(ranges[forward], Is.EqualTo(0.55 - scan.BaseToScan.X).Within(1e-4));
        var backward = 0;
        Assert.That(float.IsPositiveInfinity(ranges[backward]), Is.True, "nothing behind the robot in the scan plane; the arm is not seen");
        Assert.That(ranges.Count(float.IsFinite), Is.LessThan(20));
    }

    [Test]
    public void DrivingTheArmIntoTheObstacleCountsACollisionAndZeroClearance()
    {
        using var sim = SimFixture.Load();
        var episode = sim.Task.Generate(3, 0);
        sim.Reset(episode);
        Assert.That(sim.CollisionCount, Is.Zero);
        sim.PlaceObstacle(new Vec3(0.45, 0, 0.15));
        // Shoulder and elbow forward and down: the forearm and hand sweep into the box.
        for (var k = 0; k < 60 && sim.CollisionCount == 0; k++)
        {
            sim.CommandVelocity([0, 0.6, 0, 0.3, 0, 0, 0]);
            sim.Step(TimeSpan.FromMilliseconds(50));
        }

        Assert.That(sim.CollisionCount, Is.GreaterThan(0));
        Assert.That(sim.MinClearanceM, Is.LessThan(0));
    }

    [Test]
    public void ClearanceIsMeasuredWhileTheArmIsNearTheObstacle()
    {
        using var sim = SimFixture.Load();
        sim.Reset(sim.Task.Generate(3, 1));
        Assert.That(sim.MinClearanceM, Is.EqualTo(double.PositiveInfinity), "parked obstacle beyond the 0.3 m margin");
        var tcp = sim.Tcp;
        // Box top (z = 0.30 + 0.15 half height... centre at z 0.15, top at 0.30) 0.1 m below the hand's box (lowest point ~ tcp + 0.018).
        sim.PlaceObstacle(new Vec3(tcp.X, tcp.Y, 0.15 - (0.30 - (tcp.Z + 0.0184 - 0.1))));
        sim.Step(TimeSpan.FromMilliseconds(10));
        Assert.That(sim.MinClearanceM, Is.EqualTo(0.1).Within(0.01));
        Assert.That(sim.CollisionCount, Is.Zero);
    }

    [Test]
    public void EpisodeTimesOutWhenTheArmDoesNotMove()
    {
        using var sim = SimFixture.Load();
        sim.Reset(sim.Task.Generate(4, 0));
        sim.Step(SimFixture.Options.Task.TimeLimit + TimeSpan.FromMilliseconds(20));
        Assert.That(sim.Outcome, Is.EqualTo(ReachOutcome.TimedOut));
        Assert.That(sim.EpisodeTime, Is.EqualTo(SimFixture.Options.Task.TimeLimit + TimeSpan.FromMilliseconds(20)));
    }
}
