using Apprentice.Ros.Idl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Apprentice.Ros.Generator;

/// <summary>
/// Turns ROS 2 <c>.msg</c>/<c>.srv</c> files given as <c>AdditionalFiles</c> into C# message types
/// with CDR serialization code. The package comes from the item's <c>RosPackage</c> metadata
/// (made visible with <c>CompilerVisibleItemMetadata</c>) or, failing that, from the path
/// <c>&lt;pkg&gt;/msg/&lt;Name&gt;.msg</c>. Each file is generated on its own (nested types are
/// referenced by their deterministic C# names), so an edit regenerates only that file.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RosMessageGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the per-file parse-and-emit step (for incremental-caching tests).</summary>
    public const string GenerateStep = "RosGenerate";

    private const string PackageMetadata = "build_metadata.AdditionalFiles.RosPackage";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static t => t.Path.EndsWith(".msg", StringComparison.OrdinalIgnoreCase) ||
                               t.Path.EndsWith(".srv", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => ToInput(pair.Left, pair.Right.GetOptions(pair.Left), ct));

        var results = files.Select(static (file, _) => Generate(file)).WithTrackingName(GenerateStep);

        context.RegisterSourceOutput(results, static (spc, result) =>
        {
            if (result.Diagnostic is not null)
            {
                spc.ReportDiagnostic(result.Diagnostic.ToDiagnostic());
            }

            if (result.HintName is not null && result.Source is not null)
            {
                spc.AddSource(result.HintName, SourceText.From(result.Source, System.Text.Encoding.UTF8));
            }
        });

        // Unknown nested types: checked over all files plus the referenced assemblies. Only this
        // cheap step depends on the compilation; the sources above stay cached per file.
        var references = results.Select(static (r, _) => r.References).Where(static r => r is not null).Collect();
        context.RegisterSourceOutput(references.Combine(context.CompilationProvider), static (spc, pair) =>
        {
            foreach (var diagnostic in UnknownTypes.Find(pair.Left!, pair.Right))
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }

    /// <summary>Parses and emits one file; never throws (problems become diagnostics).</summary>
    internal static GenerationResult Generate(InterfaceFile file)
    {
        if (file.Package is null)
        {
            return new GenerationResult(null, null, new DiagnosticInfo(
                GeneratorDiagnostics.NoPackage, file.Path, 0, 0,
                file.Path + ": cannot tell the ROS package; put the file in <pkg>/msg/ or <pkg>/srv/, " +
                "or give the AdditionalFiles item RosPackage=\"<pkg>\" metadata (and CompilerVisibleItemMetadata for it)"));
        }

        try
        {
            string source;
            TypeReferences references;
            if (file.IsService)
            {
                var service = MsgParser.ParseService(file.Text, file.Package, file.Name, file.Path);
                source = MessageEmitter.EmitService(service);
                references = TypeReferences.Of(file.Path, service.Request, service.Response);
            }
            else
            {
                var message = MsgParser.ParseMessage(file.Text, file.Package, file.Name, file.Path);
                source = MessageEmitter.EmitMessage(message);
                references = TypeReferences.Of(file.Path, message);
            }

            var kind = file.IsService ? "srv" : "msg";
            return new GenerationResult(file.Package + "." + kind + "." + file.Name + ".g.cs", source, null, references);
        }
        catch (IdlParseException e)
        {
            return new GenerationResult(null, null, new DiagnosticInfo(GeneratorDiagnostics.ParseError, file.Path, e.Line, e.Column, e.Message));
        }
        catch (ArgumentException e)
        {
            // A definition the parser let through but the model rejects: still the file's fault, never a generator crash.
            return new GenerationResult(null, null, new DiagnosticInfo(GeneratorDiagnostics.ParseError, file.Path, 0, 0, file.Path + ": " + e.Message));
        }
    }

    private static InterfaceFile ToInput(AdditionalText text, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, CancellationToken ct)
    {
        var path = text.Path;
        var isService = path.EndsWith(".srv", StringComparison.OrdinalIgnoreCase);
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var content = text.GetText(ct)?.ToString() ?? string.Empty;
        string? package = null;
        if (options.TryGetValue(PackageMetadata, out var meta) && !string.IsNullOrWhiteSpace(meta))
        {
            package = meta.Trim();
        }
        else
        {
            package = PackageFromPath(path);
        }

        return new InterfaceFile(path, content, package, isService, name);
    }

    /// <summary><c>…/&lt;pkg&gt;/msg/Name.msg</c> → <c>pkg</c>; null when the path has another shape.</summary>
    internal static string? PackageFromPath(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        if (parts.Length < 3)
        {
            return null;
        }

        var folder = parts[parts.Length - 2];
        var package = parts[parts.Length - 3];
        return (folder == "msg" || folder == "srv") && InterfaceName.IsValidPackageName(package) ? package : null;
    }
}
