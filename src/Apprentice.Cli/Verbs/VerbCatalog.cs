using System.CommandLine;

namespace Apprentice.Cli.Verbs;

/// <summary>Every top-level verb of the CLI, in the order <c>--help</c> lists them.</summary>
internal static class VerbCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return VersionVerb.Create();
        yield return InterfaceVerb.Create();
        yield return BenchVerb.Create();
        yield return BagVerb.Create();
        yield return TopicVerb.Create();
        yield return NodeVerb.Create();
        yield return RecordVerb.Create();
        yield return PlayVerb.Create();
        yield return TrainVerb.Create();
        yield return DatasetVerb.Create();
        yield return ExportVerb.Create();
        yield return SimVerb.Create();
        yield return PolicyVerb.Create();
        yield return DemoVerb.Create();
        yield return CollectVerb.Create();
        yield return EvalVerb.Create();
        yield return DaggerVerb.Create();
    }
}
