using Apprentice.Safety.Geometry;
using Apprentice.Sim.Expert;
using Apprentice.Sim.Perturbations;

namespace Apprentice.Sim.Tests.Physics;

public class AllocationTests
{
    [Test]
    public void SteppingCommandingAndScanningAllocateNothing()
    {
        using var sim = SimFixture.Load();
        var schedule = new PerturbationSchedule([
            new ObstacleIntrusionPerturbation(TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(0.2), new Vec3(0.5, 0, 0.15)),
            new SensorDropoutPerturbation(TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(0.2), "/joint_states"),
        ]);
        var expert = ScriptedExpert.ForPanda(SimFixture.Panda, SimFixture.Options.Task.Home);
        var (q, qdot) = (new double[7], new double[7]);
        var ranges = new float[SimFixture.Options.Scan.RayCount];
        void Loop()
        {
            for (var k = 0; k < 10; k++)
            {
                sim.GetJointPositions(q);
                expert.Compute(sim.EpisodeTime, q, sim.Target, qdot);
                sim.CommandVelocity(qdot);
                sim.Step(TimeSpan.FromMilliseconds(50));
                sim.Scan(ranges);
            }
        }

        sim.Reset(sim.Task.Generate(1, 0), schedule);
        Loop();
        sim.Reset(sim.Task.Generate(1, 1), schedule);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Loop();
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
