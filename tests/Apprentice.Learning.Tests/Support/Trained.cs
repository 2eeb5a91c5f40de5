using Apprentice.Learning.Dataset;
using Apprentice.Learning.Training;

namespace Apprentice.Learning.Tests.Support;

/// <summary>One small trained policy shared by the tests that only read it (training is the slow part).</summary>
internal static class Trained
{
    private static readonly Lazy<(DemonstrationDataset Train, DemonstrationDataset HeldOut, string HeldOutBag, TrainingResult Result)> Shared = new(() =>
    {
        var train = new DatasetBuilder().Build([SyntheticDemos.Write(new DemoSpec { Episodes = 200, EpisodeSeconds = 1.0, Seed = 3 })]);
        var heldOutBag = SyntheticDemos.Write(new DemoSpec { Episodes = 10, EpisodeSeconds = 1.0, Seed = 99 });
        var heldOut = new DatasetBuilder().Build([heldOutBag]);
        var result = new BcTrainer(Options).Train(train);
        return (train, heldOut, heldOutBag, result);
    });

    public static BcTrainerOptions Options { get; } = new() { HiddenSizes = [64, 64], MaxEpochs = 100, Patience = 15, BatchSize = 64, LearningRate = 3e-3, Seed = 5 };

    public static DemonstrationDataset TrainSet => Shared.Value.Train;

    public static DemonstrationDataset HeldOut => Shared.Value.HeldOut;

    public static string HeldOutBag => Shared.Value.HeldOutBag;

    public static TrainingResult Result => Shared.Value.Result;
}
