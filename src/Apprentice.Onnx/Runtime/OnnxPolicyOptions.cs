namespace Apprentice.Onnx.Runtime;

/// <summary>
/// Options of an <see cref="OnnxPolicySession"/>. Immutable; validated once by
/// <see cref="OnnxPolicySession.Load"/>.
/// </summary>
public sealed record OnnxPolicyOptions
{
    /// <summary>The provider name for the CPU execution provider.</summary>
    public const string CpuProvider = "cpu";

    /// <summary>The provider name for the CUDA execution provider.</summary>
    public const string CudaProvider = "cuda";

    /// <summary>Path of the <c>.onnx</c> file holding the policy and its card. Required.</summary>
    public required string ModelPath { get; init; }

    /// <summary>
    /// Execution provider: <c>"cpu"</c> (default) or <c>"cuda"</c>. When CUDA cannot be used the
    /// session falls back to the CPU and logs why.
    /// </summary>
    public string ExecutionProvider { get; init; } = CpuProvider;

    /// <summary>CUDA device ordinal when <see cref="ExecutionProvider"/> is <c>"cuda"</c>. Default 0.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>Threads used inside one operator; 0 lets ONNX Runtime choose. Default 1 (no thread pool, steadiest latency).</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Threads used to run independent operators in parallel; 0 lets ONNX Runtime choose. Default 1.</summary>
    public int InterOpThreads { get; init; } = 1;

    /// <summary>Graph optimisation level. Default <see cref="OnnxGraphOptimization.All"/>.</summary>
    public OnnxGraphOptimization GraphOptimization { get; init; } = OnnxGraphOptimization.All;

    /// <summary>Inferences run at load, before the session reports ready (first runs are slow). Default 10.</summary>
    public int WarmupRuns { get; init; } = 10;

    /// <summary>
    /// Configured robot joint names the card's joint lists are checked against; null skips that
    /// check. Default null.
    /// </summary>
    public IReadOnlyList<string>? RobotJointNames { get; init; }

    /// <summary>Throws when a field is out of range.</summary>
    /// <exception cref="ArgumentException">Naming the field and its allowed range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ModelPath))
        {
            throw new ArgumentException("model_path is empty; set it to the policy's .onnx file.", nameof(ModelPath));
        }

        if (ExecutionProvider is not (CpuProvider or CudaProvider))
        {
            throw new ArgumentException($"execution_provider '{ExecutionProvider}' is unknown; use \"cpu\" or \"cuda\".", nameof(ExecutionProvider));
        }

        if (CudaDeviceId < 0 || IntraOpThreads < 0 || InterOpThreads < 0 || WarmupRuns < 0)
        {
            throw new ArgumentException(
                $"cuda_device_id ({CudaDeviceId}), intra_op_threads ({IntraOpThreads}), inter_op_threads ({InterOpThreads}) and warmup_runs ({WarmupRuns}) must be >= 0.");
        }
    }
}
