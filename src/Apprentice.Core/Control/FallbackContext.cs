using Apprentice.Core.Observations;
using Apprentice.Core.Policies;

namespace Apprentice.Core.Control;

/// <summary>What a fallback knows when it is asked for a command.</summary>
public readonly ref struct FallbackContext
{
    /// <summary>Creates the context.</summary>
    public FallbackContext(TimeSpan now, TimeSpan period, PolicyOutcome reason, ObservationSnapshot? snapshot, ReadOnlySpan<double> lastCommand, ReadOnlySpan<double> previousCommand, int commandsPublished)
    {
        Now = now;
        Period = period;
        Reason = reason;
        Snapshot = snapshot;
        LastCommand = lastCommand;
        PreviousCommand = previousCommand;
        CommandsPublished = commandsPublished;
    }

    /// <summary>Monotonic time of the tick.</summary>
    public TimeSpan Now { get; }

    /// <summary>Control period.</summary>
    public TimeSpan Period { get; }

    /// <summary>Why the policy's action is not used.</summary>
    public PolicyOutcome Reason { get; }

    /// <summary>This tick's snapshot (null when taking it failed).</summary>
    public ObservationSnapshot? Snapshot { get; }

    /// <summary>The command published last tick (valid when <see cref="CommandsPublished"/> ≥ 1).</summary>
    public ReadOnlySpan<double> LastCommand { get; }

    /// <summary>The command published the tick before (valid when <see cref="CommandsPublished"/> ≥ 2).</summary>
    public ReadOnlySpan<double> PreviousCommand { get; }

    /// <summary>How many commands were published so far, capped at 2.</summary>
    public int CommandsPublished { get; }
}
