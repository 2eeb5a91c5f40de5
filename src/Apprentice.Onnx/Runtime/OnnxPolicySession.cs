using System.Diagnostics.CodeAnalysis;
using Apprentice.Core.Policies.Card;
using Microsoft.ML.OnnxRuntime;
using Serilog;

namespace Apprentice.Onnx.Runtime;

/// <summary>
/// A policy model loaded in ONNX Runtime, ready for allocation-free inference: inputs and the
/// action output are bound once (IOBinding) to pinned float arrays this object owns, the card
/// is validated against the model and the robot at load, and warm-up runs happen before
/// <see cref="Load"/> returns.
/// </summary>
/// <remarks>
/// Real-time contract: <see cref="Run"/>, <see cref="Input"/> and <see cref="Output"/> allocate
/// nothing managed and never throw in steady state. Not thread-safe: one thread (the control
/// loop or the inference worker) fills inputs, runs and reads the output.
/// </remarks>
public sealed class OnnxPolicySession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtIoBinding _binding;
    private readonly RunWatchdog _watchdog;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, BoundTensor> _inputs;
    private readonly BoundTensor _output;
    private readonly bool _syncOutputs;
    private bool _disposed;

    private OnnxPolicySession(
        InferenceSession session, PolicyCard card, string provider, string? fallbackReason,
        OnnxPolicyOptions options, TimeProvider time)
    {
        _session = session;
        _time = time;
        Card = card;
        ModelPath = options.ModelPath;
        ExecutionProvider = provider;
        FallbackReason = fallbackReason;
        _syncOutputs = provider != OnnxPolicyOptions.CpuProvider;
        _inputs = card.Inputs.ToDictionary(
            i => i.Name, i => new BoundTensor(i.Name, i.Shape.Select(d => (long)d).ToArray()), StringComparer.Ordinal);
        _output = new BoundTensor(card.Action.OutputName, BoundOutputShape(session, card));
        _binding = session.CreateIoBinding();
        foreach (var input in _inputs.Values)
        {
            _binding.BindInput(input.Name, input.Value);
        }

        _binding.BindOutput(_output.Name, _output.Value);
        _watchdog = new RunWatchdog(time);
        InputNames = [.. card.Inputs.Select(i => i.Name)];
    }

    /// <summary>The validated policy card.</summary>
    public PolicyCard Card { get; }

    /// <summary>The model file.</summary>
    public string ModelPath { get; }

    /// <summary>The provider that runs the model: <c>"cpu"</c> or <c>"cuda"</c>.</summary>
    public string ExecutionProvider { get; }

    /// <summary>Why CUDA was requested but the CPU runs instead; null when the configured provider runs.</summary>
    public string? FallbackReason { get; }

    /// <summary>True once warm-up has finished (always true after <see cref="Load"/> returns).</summary>
    public bool IsReady { get; private set; }

    /// <summary>Input names, in card order.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>The action output of the last run: <c>ChunkLength × joints</c> floats, step-major.</summary>
    public ReadOnlySpan<float> Output => _output.Buffer;

    /// <summary>Shape of the bound action output (batch first).</summary>
    public IReadOnlyList<long> OutputShape => _output.Shape;

    /// <summary>Wall time of the last <see cref="Run"/>, from the injected <see cref="TimeProvider"/>.</summary>
    public TimeSpan LastRunElapsed { get; private set; }

    /// <summary>ONNX Runtime's message for the last <see cref="OnnxRunStatus.ModelError"/> or cancellation; null after a clean run.</summary>
    public string? LastError { get; private set; }

    /// <summary>
    /// Loads the model, reads and validates its card, creates the session on the configured
    /// provider (falling back to the CPU with a logged reason) and runs the warm-up.
    /// </summary>
    /// <param name="options">Session options (validated here).</param>
    /// <param name="logger">Where the provider choice and warm-up are logged.</param>
    /// <param name="time">Clock for run budgets and timings.</param>
    /// <exception cref="OnnxPolicyLoadException">Missing or invalid model file, or a model that fails at warm-up.</exception>
    /// <exception cref="PolicyCardException">Missing, unreadable or mismatching policy card (every problem listed).</exception>
    public static OnnxPolicySession Load(OnnxPolicyOptions options, ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        if (!File.Exists(options.ModelPath))
        {
            throw new OnnxPolicyLoadException(
                $"Policy model file '{options.ModelPath}' does not exist; set model_path to an exported .onnx policy.",
                new FileNotFoundException("Policy model file not found.", options.ModelPath));
        }

        InferenceSession session;
        string provider;
        string? reason;
        try
        {
            (session, provider, reason) = ExecutionProviderSelector.Create(options, logger);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OnnxPolicyLoadException(
                $"Policy model '{options.ModelPath}' is not a loadable ONNX model: {ex.Message}", ex);
        }

        OnnxPolicySession? policy = null;
        try
        {
            var card = CardReader.Read(session, options.ModelPath);
            PolicyCardValidator.EnsureValid(card, ModelSignatureReader.Read(session), options.RobotJointNames, options.ModelPath);
            policy = new OnnxPolicySession(session, card, provider, reason, options, time);
            policy.WarmUp(options.WarmupRuns, logger);
            return policy;
        }
        catch (OnnxRuntimeException ex)
        {
            Release(policy, session);
            throw new OnnxPolicyLoadException(
                $"Policy model '{options.ModelPath}' could not be prepared for inference: {ex.Message}", ex);
        }
        catch
        {
            Release(policy, session);
            throw;
        }
    }

    /// <summary>The input buffer of <paramref name="name"/> (card shape, row-major); write the normalised observation here.</summary>
    /// <exception cref="KeyNotFoundException">When the card has no such input (a configuration error).</exception>
    public Span<float> Input(string name)
    {
        if (_inputs.TryGetValue(name, out var input))
        {
            return input.Buffer;
        }

        throw new KeyNotFoundException($"Policy '{ModelPath}' has no input '{name}' (inputs: {string.Join(", ", InputNames)}).");
    }

    /// <summary>The pinned input buffer of <paramref name="name"/> as memory, for encoders that keep a reference to it.</summary>
    /// <exception cref="KeyNotFoundException">When the card has no such input.</exception>
    public Memory<float> InputMemory(string name) =>
        _inputs.TryGetValue(name, out var input)
            ? input.Buffer.AsMemory()
            : throw new KeyNotFoundException($"Policy '{ModelPath}' has no input '{name}' (inputs: {string.Join(", ", InputNames)}).");

    /// <summary>Shape of the bound input <paramref name="name"/> (batch first).</summary>
    /// <exception cref="KeyNotFoundException">When the card has no such input.</exception>
    public IReadOnlyList<long> InputShape(string name) =>
        _inputs.TryGetValue(name, out var input)
            ? input.Shape
            : throw new KeyNotFoundException($"Policy '{ModelPath}' has no input '{name}'.");

    /// <summary>
    /// Runs one inference on the bound buffers. When <paramref name="budget"/> (positive and
    /// finite) runs out, the run is cancelled through <c>RunOptions.Terminate</c> and
    /// <see cref="OnnxRunStatus.BudgetExceeded"/> is returned; the session stays usable.
    /// ONNX Runtime checks the flag between operators, so a single long operator finishes
    /// first, and the budget's resolution is the runtime's timer tick (about 1 ms).
    /// </summary>
    /// <param name="budget">Wall-time budget; zero or <see cref="Timeout.InfiniteTimeSpan"/> means none.</param>
    /// <returns>The outcome; <see cref="Output"/> is valid only after <see cref="OnnxRunStatus.Ok"/>.</returns>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The hot path returns an outcome and never throws.")]
    public OnnxRunStatus Run(TimeSpan budget)
    {
        if (_disposed)
        {
            return OnnxRunStatus.ModelError;
        }

        var start = _time.GetTimestamp();
        var status = OnnxRunStatus.Ok;
        _watchdog.Arm(budget);
        try
        {
            _session.RunWithBinding(_watchdog.Options, _binding);
            if (_syncOutputs)
            {
                _binding.SynchronizeBoundOutputs();
            }

            LastError = null;
        }
        catch (Exception ex)
        {
            status = OnnxRunStatus.ModelError;
            LastError = ex.Message;
        }

        if (_watchdog.Disarm())
        {
            status = OnnxRunStatus.BudgetExceeded;
        }

        LastRunElapsed = _time.GetElapsedTime(start);
        if (status == OnnxRunStatus.Ok && !AllFinite(_output.Buffer))
        {
            status = OnnxRunStatus.InvalidOutput;
        }

        return status;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _watchdog.Dispose();
        _binding.Dispose();
        foreach (var input in _inputs.Values)
        {
            input.Dispose();
        }

        _output.Dispose();
        _session.Dispose();
    }

    private void WarmUp(int runs, ILogger logger)
    {
        for (var i = 0; i < runs; i++)
        {
            if (Run(Timeout.InfiniteTimeSpan) == OnnxRunStatus.ModelError)
            {
                throw new OnnxPolicyLoadException(
                    $"Policy model '{ModelPath}' fails during warm-up run {i + 1}: {LastError}");
            }
        }

        IsReady = true;
        logger.Information("Policy {Model} ready on {Provider} after {Runs} warm-up runs (last {ElapsedMs:F3} ms)",
            ModelPath, ExecutionProvider, runs, LastRunElapsed.TotalMilliseconds);
    }

    private static void Release(OnnxPolicySession? policy, InferenceSession session)
    {
        if (policy is not null)
        {
            policy.Dispose();
        }
        else
        {
            session.Dispose();
        }
    }

    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    private static long[] BoundOutputShape(InferenceSession session, PolicyCard card)
    {
        var dims = session.OutputMetadata[card.Action.OutputName].Dimensions;
        var batch = card.Inputs.Count > 0 ? card.Inputs[0].Shape[0] : 1;
        return dims.Select((d, k) => k == 0 && d < 0 ? batch : (long)d).ToArray();
    }
}
