using Microsoft.ML.OnnxRuntime;
using Serilog;

namespace Apprentice.Onnx.Runtime;

/// <summary>
/// Creates the inference session on the requested execution provider, falling back to the CPU
/// (with the reason logged) when CUDA is not in this ONNX Runtime build, cannot be appended, or
/// fails to create the session (no driver, no device).
/// </summary>
internal static class ExecutionProviderSelector
{
    private const string CudaProviderName = "CUDAExecutionProvider";

    public static (InferenceSession Session, string Provider, string? FallbackReason) Create(
        OnnxPolicyOptions options, ILogger logger)
    {
        string? reason = null;
        if (options.ExecutionProvider == OnnxPolicyOptions.CudaProvider)
        {
            var cuda = TryCuda(options, out reason);
            if (cuda is not null)
            {
                logger.Information("Policy {Model} runs on ONNX Runtime provider {Provider} (device {Device})",
                    options.ModelPath, OnnxPolicyOptions.CudaProvider, options.CudaDeviceId);
                return (cuda, OnnxPolicyOptions.CudaProvider, null);
            }

            logger.Warning("Policy {Model}: CUDA was requested but cannot be used, running on the CPU instead. Reason: {Reason}",
                options.ModelPath, reason);
        }

        var session = CreateSession(options, useCuda: false);
        logger.Information("Policy {Model} runs on ONNX Runtime provider {Provider}{Why}",
            options.ModelPath, OnnxPolicyOptions.CpuProvider, reason is null ? " (as configured)" : " (fallback from cuda)");
        return (session, OnnxPolicyOptions.CpuProvider, reason);
    }

    private static InferenceSession? TryCuda(OnnxPolicyOptions options, out string? reason)
    {
        string[] available;
        try
        {
            available = OrtEnv.Instance().GetAvailableProviders();
        }
        catch (OnnxRuntimeException ex)
        {
            reason = "ONNX Runtime could not list its execution providers: " + ex.Message;
            return null;
        }

        if (!available.Contains(CudaProviderName, StringComparer.Ordinal))
        {
            reason = $"this ONNX Runtime build has no {CudaProviderName} (available: {string.Join(", ", available)}); " +
                     "build with -p:OnnxRuntimeFlavor=cuda to use the GPU package.";
            return null;
        }

        try
        {
            reason = null;
            return CreateSession(options, useCuda: true);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
        {
            reason = $"the CUDA provider failed to start on device {options.CudaDeviceId}: {ex.Message}";
            return null;
        }
    }

    private static InferenceSession CreateSession(OnnxPolicyOptions options, bool useCuda)
    {
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = options.GraphOptimization switch
            {
                OnnxGraphOptimization.Disabled => GraphOptimizationLevel.ORT_DISABLE_ALL,
                OnnxGraphOptimization.Basic => GraphOptimizationLevel.ORT_ENABLE_BASIC,
                OnnxGraphOptimization.Extended => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                _ => GraphOptimizationLevel.ORT_ENABLE_ALL,
            },
        };
        if (useCuda)
        {
            sessionOptions.AppendExecutionProvider_CUDA(options.CudaDeviceId);
        }

        return new InferenceSession(options.ModelPath, sessionOptions);
    }
}
