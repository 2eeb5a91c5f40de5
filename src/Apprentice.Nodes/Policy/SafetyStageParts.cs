using Apprentice.Core.Policies.Card;
using Apprentice.Safety.Control;
using Apprentice.Safety.Filter;
using Apprentice.Safety.Zones;

namespace Apprentice.Nodes.Policy;

/// <summary>What the <see cref="SafetyStage"/> is built from (the node's configure step wires it).</summary>
internal sealed record SafetyStageParts
{
    /// <summary>The safety filter (the same instance the controller uses, when there is one).</summary>
    public required SafetyFilter Filter { get; init; }

    /// <summary>Planner + α blending + filter; null when blending is off.</summary>
    public SafetyController? Controller { get; init; }

    /// <summary>The node's inputs.</summary>
    public required PolicyInputs Inputs { get; init; }

    /// <summary>The takeover input, or null.</summary>
    public TakeoverInput? Takeover { get; init; }

    /// <summary>Scan (or cloud) points into the base frame, when the proximity rule is on.</summary>
    public ScanProjector? Projector { get; init; }

    /// <summary>Planner goal from the reference input, or null.</summary>
    public ReferenceGoal? Goal { get; init; }

    /// <summary>What the policy's action values mean.</summary>
    public ActionMode ActionMode { get; init; }

    /// <summary>OOD score of the policy's observation for the authority blender (α falls out of distribution); null = none.</summary>
    public InputOod? Ood { get; init; }

    /// <summary>Whether a heartbeat input is configured.</summary>
    public bool HeartbeatEnabled { get; init; }
}
