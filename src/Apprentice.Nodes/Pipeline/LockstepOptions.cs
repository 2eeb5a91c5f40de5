using Apprentice.Nodes.Policy;
using Apprentice.Nodes.Recorder;

namespace Apprentice.Nodes.Pipeline;

/// <summary>Who drives the arm in a lockstep run.</summary>
public enum Driver
{
    /// <summary>The scripted expert node publishes the velocity commands (demonstrations, reference).</summary>
    Expert,

    /// <summary>The policy node drives; nobody takes over.</summary>
    Policy,

    /// <summary>The policy node drives; the scripted expert watches and takes over on /teleop/commands (HG-DAgger).</summary>
    PolicySupervised,
}

/// <summary>One lockstep rig: which nodes take part and how. Immutable.</summary>
public sealed record LockstepOptions
{
    /// <summary>Control period. Default 50 ms (20 Hz, the reach task's rate).</summary>
    public TimeSpan ControlPeriod { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Who drives. Default <see cref="Driver.Policy"/>.</summary>
    public Driver Driver { get; init; } = Driver.Policy;

    /// <summary>Policy node options (required unless <see cref="Driver"/> is <see cref="Driver.Expert"/>).</summary>
    public PolicyNodeOptions? Policy { get; init; }

    /// <summary>When the supervising expert takes over (DAgger). Default <see cref="TakeoverGate.Default"/>.</summary>
    public TakeoverGate Gate { get; init; } = TakeoverGate.Default;

    /// <summary>Record everything into this bag (RecorderNode, one recorder episode per reach episode); null = no recording.</summary>
    public RecorderOptions? Recording { get; init; }

    /// <summary>Task label written with each recorded episode. Default "reach".</summary>
    public string TaskLabel { get; init; } = "reach";

    /// <summary>Inference budget for the wall-clock deadline count. Default 40 ms (80 % of the period).</summary>
    public TimeSpan WallBudget { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>Validates the combination.</summary>
    /// <exception cref="ArgumentException">A policy driver without policy options, or a non-positive period.</exception>
    public LockstepOptions Validated()
    {
        if (ControlPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException("LockstepOptions.ControlPeriod must be positive.");
        }

        if (Driver != Driver.Expert && Policy is null)
        {
            throw new ArgumentException($"LockstepOptions: driver {Driver} needs Policy options (PolicyParameters.Bind).");
        }

        if (Driver == Driver.PolicySupervised && Policy is { Takeover.Input.Enabled: false })
        {
            throw new ArgumentException("LockstepOptions: DAgger supervision needs the policy node's takeover.topic (/teleop/commands).");
        }

        return this;
    }
}
