extern alias generator;

using Apprentice.Ros.Messages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RosMessageGenerator = generator::Apprentice.Ros.Generator.RosMessageGenerator;

namespace Apprentice.Ros.Tests.Generated;

/// <summary>The generator run in-process through <see cref="CSharpGeneratorDriver"/>.</summary>
public sealed class GeneratorDriverTests
{
    [Test]
    public void ParseErrorBecomesApprErrorAtTheFileLineAndColumn()
    {
        var path = Path.Combine("/src", "my_pkg", "msg", "Bad.msg");
        var run = Run(new[] { new MemoryText(path, "int32 a\n# comment\nuint8 b\n  float65 c\n") });
        var diagnostic = run.Diagnostics.Single();
        var span = diagnostic.Location.GetLineSpan();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo("APPR001"));
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(span.Path, Is.EqualTo(path));
            Assert.That(span.StartLinePosition.Line, Is.EqualTo(3), "0-based line of 'float65 c'");
            Assert.That(span.StartLinePosition.Character, Is.EqualTo(2), "0-based column of the type");
            Assert.That(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain("float65"));
            Assert.That(run.GeneratedTrees, Is.Empty);
        });
    }

    [Test]
    public void FileOutsideAPackageFolderWithoutMetadataIsApprError()
    {
        var run = Run(new[] { new MemoryText("/src/loose/Thing.msg", "int32 a\n") });
        Assert.That(run.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "APPR002" }));
    }

    [Test]
    public void UnknownNestedTypeIsApprErrorNamingTheField()
    {
        var run = Run(new[]
        {
            new MemoryText("/p/my_pkg/msg/Outer.msg", "Inner inner\nstd_msgs/Header header\nother_pkg/Missing missing\n"),
            new MemoryText("/p/my_pkg/msg/Inner.msg", "int32 a\n"),
        });
        var diagnostic = run.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo("APPR003"));
            Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo("/p/my_pkg/msg/Outer.msg"));
            Assert.That(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain("my_pkg/msg/Outer.missing").And.Contain("other_pkg/msg/Missing"));
        });
    }

    [Test]
    public void RosPackageMetadataNamesThePackageAndTheOutputCompiles()
    {
        var text = new MemoryText("/repo/msg/Status.msg", "uint8 OK=0\nstd_msgs/Header header\nuint8 level\nfloat64[3] xyz\n");
        var options = new Options(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.RosPackage"] = "apprentice" });
        var run = Run(new[] { text }, options, out var output);
        var source = run.GeneratedTrees.Single().ToString();
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.Diagnostics, Is.Empty);
            Assert.That(source, Does.Contain("namespace Apprentice.Ros.Msgs.Apprentice"));
            Assert.That(source, Does.Contain("public sealed partial class Status"));
            Assert.That(source, Does.Contain("\"apprentice::msg::dds_::Status_\""));
            Assert.That(errors, Is.Empty, string.Join("\n", errors));
        });
    }

    [Test]
    public void UnchangedFilesAreNotRegenerated()
    {
        var a = new MemoryText("/p/pkg_a/msg/A.msg", "int32 a\n");
        var b = new MemoryText("/p/pkg_a/msg/B.msg", "int32 b\n");
        var compilation = NewCompilation();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new RosMessageGenerator().AsSourceGenerator() }, new AdditionalText[] { a, b },
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        driver = driver.ReplaceAdditionalText(b, new MemoryText(b.Path, "int64 b\n")).RunGenerators(compilation);
        var outputs = driver.GetRunResult().Results.Single().TrackedSteps[RosMessageGenerator.GenerateStep].SelectMany(s => s.Outputs);
        Assert.That(outputs.Select(o => o.Reason), Is.EquivalentTo(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified }));
    }

    private static GeneratorDriverRunResult Run(AdditionalText[] texts, AnalyzerConfigOptions? options = null) => Run(texts, options, out _);

    private static GeneratorDriverRunResult Run(AdditionalText[] texts, AnalyzerConfigOptions? options, out Compilation output)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new RosMessageGenerator().AsSourceGenerator() },
            texts,
            optionsProvider: new OptionsProvider(options ?? new Options(new Dictionary<string, string>())));
        driver = driver.RunGeneratorsAndUpdateCompilation(NewCompilation(), out output, out _);
        return driver.GetRunResult();
    }

    private static CSharpCompilation NewCompilation()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = platform
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(IRosMessage<>).Assembly.Location)
            .Select(p => MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create(
            "GeneratorTest",
            new[] { CSharpSyntaxTree.ParseText("namespace X { }") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private sealed class MemoryText : AdditionalText
    {
        private readonly string text;

        public MemoryText(string path, string text)
        {
            Path = path;
            this.text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> values;

        public Options(Dictionary<string, string> values) => this.values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigOptions options;

        public OptionsProvider(AnalyzerConfigOptions options) => this.options = options;

        public override AnalyzerConfigOptions GlobalOptions => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
    }
}
