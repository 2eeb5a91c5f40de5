using Apprentice.Learning.Dataset;
using Apprentice.Learning.Export;
using Apprentice.Learning.Training;
using Apprentice.Nodes.Pipeline;
using Apprentice.Testing;

namespace Apprentice.Nodes.Tests.Pipeline;

/// <summary>A tiny end-to-end run shared by the pipeline tests: 4 expert episodes collected, a small MLP trained on them.</summary>
internal static class PipelineFixture
{
    private static readonly Lazy<Products> Shared = new(Build);

    public static ReachSetup Setup { get; } = new(RepoPaths.Root);

    public static BcTrainerOptions Trainer { get; } = new() { HiddenSizes = [32, 32], MaxEpochs = 5, Seed = 3 };

    public static Products Get() => Shared.Value;

    public static string TempDirectory(string name) => Path.Combine(Path.GetTempPath(), $"apprentice-{name}-{Guid.NewGuid():N}");

    private static Products Build()
    {
        var root = TempDirectory("pipeline");
        var collected = DemoCollector.Collect(Setup, 4, seed: 11, Path.Combine(root, "demos"));
        var dataset = new DatasetBuilder().Build([collected.BagDirectory]);
        var model = Path.Combine(root, "tiny.onnx");
        PolicyExport.Save(new BcTrainer(Trainer).Train(dataset).Policy, model);
        return new Products(root, collected, dataset, model);
    }

    public sealed record Products(string Root, CollectResult Collected, DemonstrationDataset Dataset, string TinyModel);
}

/// <summary>Deletes the shared products after the assembly's tests.</summary>
[SetUpFixture]
public sealed class PipelineCleanup
{
    [OneTimeTearDown]
    public void Delete()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "apprentice-pipeline-*"))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
