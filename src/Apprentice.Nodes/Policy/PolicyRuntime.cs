using Apprentice.Core.Control;
using Apprentice.Onnx.Runtime;
using Apprentice.Safety.Limits;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// Everything a configured policy node runs with: the loaded model, inputs and their subscriptions,
/// the control loop, the safety stage and the command output. Built by <see cref="PolicyRuntimeBuilder"/>
/// in configure and disposed in cleanup.
/// </summary>
internal sealed class PolicyRuntime : IDisposable
{
    public required OnnxPolicySession Session { get; init; }

    public required PolicyInputs Inputs { get; init; }

    public TakeoverInput? Takeover { get; init; }

    public required ControlLoop Loop { get; init; }

    public required SafetyStage Stage { get; init; }

    public required IPolicyOutput Output { get; init; }

    public required JointLimits[] Limits { get; init; }

    public IDisposable? Decoder { get; init; }

    /// <summary>Limit warnings raised while merging (ignored loosening overrides).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public void Dispose()
    {
        Inputs.Dispose();
        Takeover?.Dispose();
        Output.Dispose();
        Session.Dispose();
        Decoder?.Dispose();
    }
}
