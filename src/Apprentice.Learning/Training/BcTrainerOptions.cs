namespace Apprentice.Learning.Training;

/// <summary>Behavioural-cloning hyper-parameters. Immutable; validated once by <see cref="BcTrainer"/>.</summary>
public sealed record BcTrainerOptions
{
    /// <summary>Default options.</summary>
    public static BcTrainerOptions Default { get; } = new();

    /// <summary>Hidden layer widths (ReLU). Default 256, 256.</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [256, 256];

    /// <summary>Largest number of epochs. Default 100.</summary>
    public int MaxEpochs { get; init; } = 100;

    /// <summary>Minibatch size [samples]. Default 256.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Adam step size. Default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Adam β₁. Default 0.9.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam β₂. Default 0.999.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Adam ε. Default 1e-8.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Decoupled (AdamW) weight decay per step, as a fraction of the learning rate; 0 disables. Default 0.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Fraction of the episodes (not samples) held out for validation. Default 0.2; 0 disables validation and early stopping.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Epochs without a validation improvement before stopping. Default 10.</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Seed of initialisation, episode split and shuffling. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Worker threads for the matrix work (results do not depend on it). Default: processor count, at most 4.</summary>
    public int MaxThreads { get; init; } = Math.Min(Environment.ProcessorCount, 4);

    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentException">A field is out of range, naming it.</exception>
    public void Validate()
    {
        if (HiddenSizes is null || HiddenSizes.Any(h => h <= 0 || h > 65_536))
        {
            throw new ArgumentException("hidden sizes must each be in 1..65536.", nameof(HiddenSizes));
        }

        if (MaxEpochs <= 0 || BatchSize <= 0 || Patience <= 0 || MaxThreads <= 0)
        {
            throw new ArgumentException("epochs, batch size, patience and threads must be positive.", nameof(MaxEpochs));
        }

        if (!(LearningRate > 0) || !double.IsFinite(LearningRate) || Beta1 is < 0 or >= 1 || Beta2 is < 0 or >= 1 || !(Epsilon > 0))
        {
            throw new ArgumentException("learning rate and epsilon must be positive, betas in [0, 1).", nameof(LearningRate));
        }

        if (WeightDecay < 0 || !double.IsFinite(WeightDecay) || ValidationFraction is < 0 or >= 1 || double.IsNaN(ValidationFraction))
        {
            throw new ArgumentException("weight decay must be ≥ 0 and the validation fraction in [0, 1).", nameof(ValidationFraction));
        }
    }
}
