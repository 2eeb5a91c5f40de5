using Apprentice.Onnx.Runtime;
using Apprentice.Onnx.Tests.Support;

namespace Apprentice.Onnx.Tests.Runtime;

/// <summary>Steady-state inference allocates nothing managed.</summary>
public sealed class AllocationTests
{
    [Test]
    public void Ten_thousand_mlp_runs_with_a_budget_allocate_zero_bytes()
    {
        using var dir = new TempDir();
        using var session = ForwardPassTests.Load(new MlpModel(7).Save(dir.File("mlp.onnx")));
        var budget = TimeSpan.FromSeconds(1);
        var okRuns = 0;
        RunMany(session, budget, 500, ref okRuns);
        okRuns = 0;

        var before = GC.GetAllocatedBytesForCurrentThread();
        RunMany(session, budget, 10_000, ref okRuns);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Multiple(() =>
        {
            Assert.That(okRuns, Is.EqualTo(10_000));
            Assert.That(allocated, Is.Zero);
        });
    }

    private static void RunMany(OnnxPolicySession session, TimeSpan budget, int runs, ref int okRuns)
    {
        for (var i = 0; i < runs; i++)
        {
            var joints = session.Input("joints");
            for (var j = 0; j < joints.Length; j++)
            {
                joints[j] = (i % 100) * 0.01f * j;
            }

            session.Input("lidar").Fill(i * 1e-4f);
            if (session.Run(budget) == OnnxRunStatus.Ok && float.IsFinite(session.Output[0]))
            {
                okRuns++;
            }
        }
    }
}
