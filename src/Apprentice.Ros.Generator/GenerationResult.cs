namespace Apprentice.Ros.Generator;

/// <summary>What one input file produced: a source (or none) and diagnostics. Equatable for caching.</summary>
internal sealed class GenerationResult : IEquatable<GenerationResult>
{
    public GenerationResult(string? hintName, string? source, DiagnosticInfo? diagnostic)
    {
        HintName = hintName;
        Source = source;
        Diagnostic = diagnostic;
    }

    public string? HintName { get; }

    public string? Source { get; }

    public DiagnosticInfo? Diagnostic { get; }

    public bool Equals(GenerationResult? other) =>
        other is not null && HintName == other.HintName && Source == other.Source &&
        (Diagnostic is null ? other.Diagnostic is null : Diagnostic.Equals(other.Diagnostic));

    public override bool Equals(object? obj) => Equals(obj as GenerationResult);

    public override int GetHashCode() => Source is null ? 0 : StringComparer.Ordinal.GetHashCode(Source);
}
