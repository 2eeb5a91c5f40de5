namespace Apprentice.Learning.Training;

/// <summary>What a training run produced.</summary>
public sealed record TrainingResult
{
    /// <summary>The policy with the best validation loss (the last one without validation).</summary>
    public required BcPolicy Policy { get; init; }

    /// <summary>Per-epoch losses.</summary>
    public required IReadOnlyList<TrainingProgress> History { get; init; }

    /// <summary>1-based epoch whose weights were kept.</summary>
    public required int BestEpoch { get; init; }

    /// <summary>Validation loss of the kept weights; null without validation.</summary>
    public double? BestValidationLoss { get; init; }

    /// <summary>True when early stopping ended training before the epoch limit.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>Dataset episode indices trained on.</summary>
    public required IReadOnlyList<int> TrainEpisodes { get; init; }

    /// <summary>Dataset episode indices held out for validation.</summary>
    public required IReadOnlyList<int> ValidationEpisodes { get; init; }

    /// <summary>Training samples.</summary>
    public long TrainSamples { get; init; }

    /// <summary>Validation samples.</summary>
    public long ValidationSamples { get; init; }

    /// <summary>Wall time of the run (from the injected clock).</summary>
    public TimeSpan Elapsed { get; init; }
}
