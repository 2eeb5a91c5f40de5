using Apprentice.Core.Observations;
using Apprentice.Core.Policies;
using Apprentice.Core.Preprocessing;

namespace Apprentice.Core.Control;

/// <summary>The collaborators a <see cref="ControlLoop"/> is wired from (composition root builds this).</summary>
public sealed record ControlLoopParts
{
    /// <summary>Input boxes and snapshot.</summary>
    public required ObservationAssembler Assembler { get; init; }

    /// <summary>Encoders writing the policy's input tensors (each into one of <see cref="IPolicy.Inputs"/>).</summary>
    public required IReadOnlyList<IObservationEncoder> Encoders { get; init; }

    /// <summary>The policy.</summary>
    public required IPolicy Policy { get; init; }

    /// <summary>Bounds of valid actions (defaults to finite-only).</summary>
    public ActionLimits? Limits { get; init; }

    /// <summary>Command used when the policy's is not.</summary>
    public required IFallbackCommandSource Fallback { get; init; }

    /// <summary>Where commands go.</summary>
    public required ICommandSink Sink { get; init; }

    /// <summary>Monotonic time source for stage timings and deadlines.</summary>
    public required TimeProvider Clock { get; init; }

    /// <summary>Optional safety stage (blending and filter).</summary>
    public ICommandFilter? Filter { get; init; }

    /// <summary>Chunked mode: the inference worker (required there).</summary>
    public IChunkWorker? Worker { get; init; }
}
