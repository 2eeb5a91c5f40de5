namespace Apprentice.Sim.Tests.Physics;

public class CameraTests
{
    [Test]
    public void RenderedFrameIsNotBlankAndChangesWhenTheArmMoves()
    {
        using var sim = SimFixture.Load();
        sim.Reset(sim.Task.Generate(5, 0));
        sim.EnableCamera();
        var size = SimFixture.Options.CameraWidth * SimFixture.Options.CameraHeight * 3;
        var (before, after) = (new byte[size], new byte[size]);
        sim.RenderCamera(before);
        Assert.That(before.Distinct().Count(), Is.GreaterThan(20), "a real picture has many intensities");
        sim.CommandPosition([1.2, 0.3, 0, -1.8, 0, 2.0, 0.8]);
        sim.Step(TimeSpan.FromSeconds(1));
        sim.RenderCamera(after);
        var changed = Enumerable.Range(0, size / 3).Count(p => before[3 * p] != after[3 * p] || before[(3 * p) + 1] != after[(3 * p) + 1] || before[(3 * p) + 2] != after[(3 * p) + 2]);
        Assert.That(changed, Is.GreaterThan(100));
    }

    [Test]
    public void RenderingTheSameStateTwiceGivesTheSameImage()
    {
        using var sim = SimFixture.Load();
        sim.EnableCamera();
        var size = SimFixture.Options.CameraWidth * SimFixture.Options.CameraHeight * 3;
        var (a, b) = (new byte[size], new byte[size]);
        sim.RenderCamera(a);
        sim.RenderCamera(b);
        Assert.That(a, Is.EqualTo(b));
    }
}
