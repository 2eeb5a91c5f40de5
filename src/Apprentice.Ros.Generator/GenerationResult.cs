namespace Apprentice.Ros.Generator;

/// <summary>What one input file produced: a source (or none) and diagnostics. Equatable for caching.</summary>
internal sealed class GenerationResult : IEquatable<GenerationResult>
{
    public GenerationResult(string? hintName, string? source, DiagnosticInfo? diagnostic, TypeReferences? references = null)
    {
        HintName = hintName;
        Source = source;
        Diagnostic = diagnostic;
        References = references;
    }

    /// <summary>Declared and used ROS types, or null when the file did not parse.</summary>
    public TypeReferences? References { get; }

    public string? HintName { get; }

    public string? Source { get; }

    public DiagnosticInfo? Diagnostic { get; }

    public bool Equals(GenerationResult? other) =>
        other is not null && HintName == other.HintName && Source == other.Source &&
        (Diagnostic is null ? other.Diagnostic is null : Diagnostic.Equals(other.Diagnostic)) &&
        (References is null ? other.References is null : References.Equals(other.References));

    public override bool Equals(object? obj) => Equals(obj as GenerationResult);

    public override int GetHashCode() => Source is null ? 0 : StringComparer.Ordinal.GetHashCode(Source);
}
