using Apprentice.Core.Control;
using Apprentice.Core.Policies;
using Apprentice.Core.Tests.Support;

namespace Apprentice.Core.Tests.Control;

/// <summary>Steady-state ticks allocate nothing (the ONNX variant of this test lives with the adapter).</summary>
public sealed class AllocationTests
{
    private const int Ticks = 10_000;

    [Test]
    public void Synchronous_loop_allocates_nothing_over_10000_ticks_including_fallback_ticks()
    {
        var rig = new LoopRig();
        rig.Policy.SlowBy = TimeSpan.FromMilliseconds(7);
        rig.Policy.Script = [FakeBehaviour.Ok, FakeBehaviour.Ok, FakeBehaviour.NaN, FakeBehaviour.Ok, FakeBehaviour.Slow, FakeBehaviour.ModelError, FakeBehaviour.Ok];
        Warm(rig, 200);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Warm(rig, Ticks);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
        Assert.That(rig.Loop.Counters.Count(PolicyOutcome.Ok), Is.GreaterThan(Ticks / 2), "the test exercised the policy path");
        Assert.That(rig.Loop.Counters.FallbackTicks, Is.GreaterThan(Ticks / 4), "and the fallback path");
    }

    [Test]
    public void Chunked_loop_allocates_nothing_over_10000_ticks()
    {
        var rig = new LoopRig(new ControlLoopOptions { Period = TimeSpan.FromMilliseconds(10), Mode = ControlMode.Chunked, ChunkQueryIntervalTicks = 2 }, chunkLength: 20);
        Warm(rig, 200);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Warm(rig, Ticks);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
        Assert.That(rig.Loop.Counters.Count(PolicyOutcome.Ok), Is.GreaterThan(Ticks - 10));
    }

    private static void Warm(LoopRig rig, int ticks)
    {
        for (var i = 0; i < ticks; i++)
        {
            rig.Feed(i % 3);
            rig.Tick();
        }
    }
}
