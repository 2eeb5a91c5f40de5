using Apprentice.Onnx.Runtime;
using Apprentice.Onnx.Writer;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;
using Serilog.Core;

namespace Apprentice.Benchmarks.Onnx;

/// <summary>
/// One inference of the sample policies on the CPU (1 intra-op thread): the MLP (joints 7 +
/// 64 LiDAR bins → 7) and the CNN (96×96 RGB + joints → 20×7 chunk), each through
/// <see cref="OnnxPolicySession.Run"/> (IOBinding, budget watchdog, NaN check) and through a bare
/// ONNX Runtime <c>RunWithBinding</c> on the same model, to show the adapter's overhead.
/// </summary>
[MemoryDiagnoser]
public class PolicyInferenceBenchmarks
{
    private static readonly string[] Joints = ["j1", "j2", "j3", "j4", "j5", "j6", "j7"];
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);
    private readonly List<IDisposable> _owned = [];
    private string _dir = string.Empty;
    private OnnxPolicySession _mlp = null!;
    private OnnxPolicySession _cnn = null!;
    private (InferenceSession Session, OrtIoBinding Binding, RunOptions Options) _bareMlp;
    private (InferenceSession Session, OrtIoBinding Binding, RunOptions Options) _bareCnn;

    /// <summary>Writes both models and loads them in the adapter and bare.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "apprentice-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        var mlpPath = Path.Combine(_dir, "mlp.onnx");
        var cnnPath = Path.Combine(_dir, "cnn.onnx");
        SamplePolicyModels.Mlp(Joints).Save(mlpPath);
        SamplePolicyModels.Cnn(Joints).Save(cnnPath);
        _mlp = Load(mlpPath);
        _cnn = Load(cnnPath);
        _mlp.Input("lidar").Fill(2f);
        _cnn.Input("image").Fill(0.5f);
        _bareMlp = Bare(mlpPath, ("joints", [1, 7]), ("lidar", [1, 64]), ("action", [1, 7]));
        _bareCnn = Bare(cnnPath, ("image", [1, 3, 96, 96]), ("joints", [1, 7]), ("action", [1, 20, 7]));
    }

    /// <summary>Adapter run of the MLP.</summary>
    [Benchmark]
    public OnnxRunStatus MlpSession() => _mlp.Run(Budget);

    /// <summary>Bare IOBinding run of the MLP.</summary>
    [Benchmark(Baseline = true)]
    public void MlpBare() => _bareMlp.Session.RunWithBinding(_bareMlp.Options, _bareMlp.Binding);

    /// <summary>Adapter run of the CNN.</summary>
    [Benchmark]
    public OnnxRunStatus CnnSession() => _cnn.Run(Budget);

    /// <summary>Bare IOBinding run of the CNN.</summary>
    [Benchmark]
    public void CnnBare() => _bareCnn.Session.RunWithBinding(_bareCnn.Options, _bareCnn.Binding);

    /// <summary>Frees sessions and native buffers and deletes the model files.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _mlp.Dispose();
        _cnn.Dispose();
        foreach (var d in Enumerable.Reverse(_owned))
        {
            d.Dispose();
        }

        Directory.Delete(_dir, recursive: true);
    }

    private static OnnxPolicySession Load(string path) =>
        OnnxPolicySession.Load(new OnnxPolicyOptions { ModelPath = path, WarmupRuns = 20 }, Logger.None, TimeProvider.System);

    private (InferenceSession, OrtIoBinding, RunOptions) Bare(string path, params (string Name, long[] Shape)[] tensors)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        var session = new InferenceSession(path, options);
        var binding = session.CreateIoBinding();
        var runOptions = new RunOptions();
        _owned.Add(session);
        _owned.Add(binding);
        _owned.Add(runOptions);
        foreach (var (name, shape) in tensors)
        {
            var data = GC.AllocateArray<float>((int)shape.Aggregate(1L, (a, b) => a * b), pinned: true);
            var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, data.AsMemory(), shape);
            _owned.Add(value);
            if (session.InputNames.Contains(name))
            {
                binding.BindInput(name, value);
            }
            else
            {
                binding.BindOutput(name, value);
            }
        }

        for (var i = 0; i < 20; i++)
        {
            session.RunWithBinding(runOptions, binding);
        }

        return (session, binding, runOptions);
    }
}
