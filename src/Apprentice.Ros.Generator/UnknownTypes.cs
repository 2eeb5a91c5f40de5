using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Apprentice.Ros.Generator;

/// <summary>Finds nested types that no input file declares and no referenced assembly holds (APPR003).</summary>
internal static class UnknownTypes
{
    public static IEnumerable<DiagnosticInfo> Find(ImmutableArray<TypeReferences?> files, Compilation compilation)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var name in Lines(file!.Declared))
            {
                declared.Add(name);
            }
        }

        foreach (var file in files)
        {
            foreach (var line in Lines(file!.Used))
            {
                var space = line.IndexOf(' ');
                var type = line.Substring(0, space);
                if (declared.Contains(type) || compilation.GetTypeByMetadataName(MetadataName(type)) is not null)
                {
                    continue;
                }

                yield return new DiagnosticInfo(
                    GeneratorDiagnostics.UnknownType, file.Path, 0, 0,
                    file.Path + ": field " + line.Substring(space + 1) + " uses " + type +
                    ", which is neither among the generated interface files nor in a referenced assembly; add its .msg to AdditionalFiles or reference the project that generates it");
            }
        }
    }

    /// <summary><c>pkg/msg/Name</c> → <c>Apprentice.Ros.Msgs.Pkg.Name</c>.</summary>
    private static string MetadataName(string fullName) => Naming.QualifiedClass(fullName).Substring("global::".Length);

    private static IEnumerable<string> Lines(string text) =>
        text.Length == 0 ? Array.Empty<string>() : text.Split('\n');
}
