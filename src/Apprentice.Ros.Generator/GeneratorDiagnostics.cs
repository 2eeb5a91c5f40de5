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

    /// <summary>APPR003: a field uses a message type that is neither generated here nor found in a referenced assembly.</summary>
    public static readonly DiagnosticDescriptor UnknownType = new(
        "APPR003",
        "ROS interface uses an unknown message type",
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
