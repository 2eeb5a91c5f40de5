using Apprentice.Onnx.Runtime;
using Apprentice.Onnx.Tests.Support;
using Serilog.Events;

namespace Apprentice.Onnx.Tests.Runtime;

/// <summary>CUDA requested where it cannot run: the CPU runs instead and the log says why.</summary>
public sealed class ProviderFallbackTests
{
    [Test]
    public void Cuda_without_a_usable_gpu_falls_back_to_cpu_and_logs_the_reason()
    {
        using var dir = new TempDir();
        var model = new MlpModel(11);
        var sink = new CollectingSink();
        var options = new OnnxPolicyOptions
        {
            ModelPath = model.Save(dir.File("mlp.onnx")),
            ExecutionProvider = "cuda",
            WarmupRuns = 1,
        };

        using var session = OnnxPolicySession.Load(options, sink.Logger(), TimeProvider.System);
        if (session.ExecutionProvider == "cuda")
        {
            Assert.Ignore("A usable CUDA GPU is present; the fallback cannot be exercised here.");
        }

        var warning = sink.Events.Single(e => e.Level == LogEventLevel.Warning);
        Assert.Multiple(() =>
        {
            Assert.That(session.ExecutionProvider, Is.EqualTo("cpu"));
            Assert.That(session.FallbackReason, Is.Not.Null.And.Contain("CUDA"));
            Assert.That(warning.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain(session.FallbackReason));
            Assert.That(sink.Messages(), Has.Some.Contains("runs on ONNX Runtime provider \"cpu\""));
            Assert.That(session.Run(TimeSpan.FromSeconds(10)), Is.EqualTo(OnnxRunStatus.Ok));
        });
    }
}
