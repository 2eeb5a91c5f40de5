using Apprentice.Core.Policies;
using Apprentice.Core.Time;
using Apprentice.Nodes.Bench;
using Apprentice.Onnx.Runtime;
using Apprentice.Onnx.Writer;
using Serilog.Core;

namespace Apprentice.Nodes.Tests.Bench;

/// <summary>
/// The steady-state control tick with a real ONNX model (snapshot → preprocess → ONNX Runtime
/// IOBinding inference → publish) allocates nothing on the loop thread.
/// </summary>
public sealed class RealModelAllocationTests
{
    [TestCase(BenchScenario.Mlp)]
    [TestCase(BenchScenario.Cnn)]
    public void Ten_thousand_ticks_with_a_real_onnx_model_allocate_zero_bytes(BenchScenario scenario)
    {
        var dir = Directory.CreateTempSubdirectory("apprentice-alloc-");
        try
        {
            var model = Path.Combine(dir.FullName, "policy.onnx");
            var joints = ControlLoopBench.JointNames;
            (scenario == BenchScenario.Mlp ? SamplePolicyModels.Mlp(joints) : SamplePolicyModels.Cnn(joints)).Save(model);
            using var session = OnnxPolicySession.Load(
                new OnnxPolicyOptions { ModelPath = model, RobotJointNames = [.. joints] }, Logger.None, TimeProvider.System);

            // A generous period keeps a loaded CI machine from ever hitting the budget: a cancelled
            // run is a (rare, allowed) failure path, not the steady state measured here.
            var rig = new BenchRig(scenario, new OnnxPolicy(session), joints, TimeProvider.System, TimeSpan.FromSeconds(1));
            for (var i = 0; i < 500; i++)
            {
                rig.Feed();
                rig.Loop.Update(MonotonicTime.Now(TimeProvider.System), rig.Period);
            }

            var outcomes = new int[Enum.GetValues<PolicyOutcome>().Length];
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                rig.Feed();
                outcomes[(int)rig.Loop.Update(MonotonicTime.Now(TimeProvider.System), rig.Period).Outcome]++;
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.That(outcomes[(int)PolicyOutcome.Ok], Is.EqualTo(10_000),
                () => "every tick ran the model; outcomes: " + string.Join(", ", Enum.GetValues<PolicyOutcome>().Select(o => o + "=" + outcomes[(int)o])));
            Assert.That(allocated, Is.Zero);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
