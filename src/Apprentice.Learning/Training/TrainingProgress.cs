namespace Apprentice.Learning.Training;

/// <summary>Reported after each epoch.</summary>
/// <param name="Epoch">1-based epoch just finished.</param>
/// <param name="MaxEpochs">The epoch limit.</param>
/// <param name="TrainLoss">Mean training loss (MSE on normalised actions) of the epoch.</param>
/// <param name="ValidationLoss">Validation loss after the epoch; null without validation episodes.</param>
/// <param name="BestValidationLoss">Best validation loss so far; null without validation.</param>
/// <param name="Elapsed">Time since training started.</param>
public sealed record TrainingProgress(int Epoch, int MaxEpochs, double TrainLoss, double? ValidationLoss, double? BestValidationLoss, TimeSpan Elapsed);
