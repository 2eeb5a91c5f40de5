namespace Apprentice.Core.Control;

/// <summary>Options of the <see cref="ControlLoop"/>. Validate once with <see cref="Validate"/>.</summary>
public sealed record ControlLoopOptions
{
    /// <summary>Control period. Default 10 ms (100 Hz).</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Synchronous or chunked. Default <see cref="ControlMode.Synchronous"/>.</summary>
    public ControlMode Mode { get; init; } = ControlMode.Synchronous;

    /// <summary>
    /// Synchronous mode: time from the start of a tick by which the policy's action must be ready
    /// (covers preprocessing and inference). Chunked mode: time an inference may take before its
    /// chunk is discarded. Default null: 80 % of <see cref="Period"/> (synchronous) or
    /// <see cref="ChunkQueryIntervalTicks"/> periods (chunked).
    /// </summary>
    public TimeSpan? InferenceBudget { get; init; }

    /// <summary>Chunked mode: ticks between chunk requests. Default 1 (a new chunk every tick, as ACT with ensembling).</summary>
    public int ChunkQueryIntervalTicks { get; init; } = 1;

    /// <summary>Chunked mode: blend overlapping chunks (ACT temporal ensembling). Default true; false executes the newest chunk only.</summary>
    public bool TemporalEnsembling { get; init; } = true;

    /// <summary>Chunked mode: ensembling decay m in w_i = exp(−m·i), i = 0 for the oldest chunk. Default 0.01 (ACT).</summary>
    public double EnsembleDecay { get; init; } = 0.01;

    /// <summary>The effective inference budget.</summary>
    public TimeSpan EffectiveBudget => InferenceBudget ?? (Mode == ControlMode.Synchronous
        ? TimeSpan.FromTicks(Period.Ticks * 8 / 10)
        : TimeSpan.FromTicks(Period.Ticks * ChunkQueryIntervalTicks));

    /// <summary>Throws <see cref="ConfigurationException"/> naming the first bad field.</summary>
    public void Validate()
    {
        if (Period <= TimeSpan.Zero)
        {
            throw new ConfigurationException("control.period", "must be positive (got " + Period + ").");
        }

        if (InferenceBudget is { } b && b <= TimeSpan.Zero)
        {
            throw new ConfigurationException("control.inference_budget", "must be positive (got " + b + ").");
        }

        if (Mode == ControlMode.Synchronous && EffectiveBudget > Period)
        {
            throw new ConfigurationException("control.inference_budget", "must not exceed the period in synchronous mode (" + EffectiveBudget + " > " + Period + "); use chunked mode for slow models.");
        }

        if (ChunkQueryIntervalTicks < 1)
        {
            throw new ConfigurationException("control.chunk_query_interval", "must be at least 1 tick.");
        }

        if (!(EnsembleDecay >= 0) || double.IsInfinity(EnsembleDecay))
        {
            throw new ConfigurationException("control.ensemble_decay", "must be finite and ≥ 0 (got " + EnsembleDecay + ").");
        }
    }
}
