using Microsoft.CodeAnalysis;

namespace Apprentice.Ros.Generator;

/// <summary>The diagnostics the generator reports (tracked in AnalyzerReleases.Unshipped.md).</summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "Apprentice.Ros";

    /// <summary>APPR001: the file does not parse; the message says what to fix.</summary>
    public static readonly DiagnosticDescriptor ParseError = new(
        "APPR001",
        "ROS interface file does not parse",
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>APPR002: the package could not be determined.</summary>
    public static readonly DiagnosticDescriptor NoPackage = new(
        "APPR002",
        "ROS interface file has no package",
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
