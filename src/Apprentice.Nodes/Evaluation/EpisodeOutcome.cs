namespace Apprentice.Nodes.Evaluation;

/// <summary>What happened in one closed-loop evaluation episode.</summary>
public sealed record EpisodeOutcome
{
    /// <summary>Evaluated method (for example "bc", "bc+planner", "dagger", "expert").</summary>
    public required string Method { get; init; }

    /// <summary>Seed that generated the episode (task and perturbations).</summary>
    public required int Seed { get; init; }

    /// <summary>The task was solved within its time limit.</summary>
    public required bool Success { get; init; }

    /// <summary>Simulated time from the start to success [s]; null when not solved.</summary>
    public double? TimeToSuccessSec { get; init; }

    /// <summary>Contacts between the robot and the environment (table, obstacle) that started in the episode.</summary>
    public int Collisions { get; init; }

    /// <summary>Smallest distance between robot and obstacle over the episode [m] (+∞ when none was measured).</summary>
    public double MinClearanceM { get; init; } = double.PositiveInfinity;

    /// <summary>Control ticks in which at least one safety rule acted.</summary>
    public long SafetyActivationTicks { get; init; }

    /// <summary>Control ticks run.</summary>
    public long Ticks { get; init; }

    /// <summary>Ticks whose inference missed the latency budget.</summary>
    public long DeadlineMisses { get; init; }

    /// <summary>Ticks driven by a human or expert takeover (DAgger corrections).</summary>
    public long InterventionTicks { get; init; }

    /// <summary>Injected perturbation (null = none), e.g. "push", "intrusion", "dropout".</summary>
    public string? Perturbation { get; init; }

    /// <summary>Per-tick inference latency [ms] (may be empty).</summary>
    public IReadOnlyList<double> LatencyMs { get; init; } = [];

    /// <summary>Clearance trace: (time [s], clearance [m]) pairs (may be empty).</summary>
    public IReadOnlyList<(double TimeSec, double ClearanceM)> Clearance { get; init; } = [];
}
