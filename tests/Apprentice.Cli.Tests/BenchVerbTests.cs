using System.Text.Json;

namespace Apprentice.Cli.Tests;

public sealed class BenchVerbTests
{
    [Test]
    public void Control_loop_bench_measures_both_policies_and_writes_json()
    {
        var json = Path.Combine(Path.GetTempPath(), "apprentice-bench-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            Assert.That(Program.Main(["bench", "control-loop", "--ticks", "200", "--json", json]), Is.Zero);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var runs = doc.RootElement.EnumerateArray().ToArray();
            Assert.That(runs.Select(r => r.GetProperty("Scenario").GetString()), Is.EqualTo(new[] { "Mlp", "Cnn" }));
            foreach (var run in runs)
            {
                Assert.That(run.GetProperty("Provider").GetString(), Is.EqualTo("cpu"));
                Assert.That(run.GetProperty("Ticks").GetInt32(), Is.EqualTo(200));
                Assert.That(run.GetProperty("MedianRatio").GetDouble(), Is.GreaterThan(0));
            }
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Test]
    public void Cuda_request_without_a_gpu_falls_back_to_the_cpu_with_a_reason_and_exits_zero()
    {
        var json = Path.Combine(Path.GetTempPath(), "apprentice-bench-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            Assert.That(Program.Main(["bench", "control-loop", "--provider", "cuda", "--ticks", "50", "--json", json]), Is.Zero);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var cuda = doc.RootElement.EnumerateArray().Where(r => r.GetProperty("RequestedProvider").GetString() == "cuda").ToArray();
            Assert.That(cuda, Has.Length.EqualTo(2));
            foreach (var run in cuda)
            {
                // This build carries the CPU ONNX Runtime, so CUDA cannot run here: the reason must be given.
                Assert.That(run.GetProperty("Provider").GetString(), Is.EqualTo("cpu"));
                Assert.That(run.GetProperty("FallbackReason").GetString(), Is.Not.Null.And.Not.Empty);
            }
        }
        finally
        {
            File.Delete(json);
        }
    }
}
