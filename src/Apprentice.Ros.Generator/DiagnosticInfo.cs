using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Apprentice.Ros.Generator;

/// <summary>
/// A diagnostic kept as plain data (no <see cref="Location"/> or syntax objects), so generation
/// results stay equatable and cacheable; turned into a <see cref="Diagnostic"/> at output time.
/// </summary>
internal sealed class DiagnosticInfo : IEquatable<DiagnosticInfo>
{
    public DiagnosticInfo(DiagnosticDescriptor descriptor, string path, int line, int column, string message)
    {
        Descriptor = descriptor;
        Path = path;
        Line = line;
        Column = column;
        Message = message;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public string Path { get; }

    /// <summary>1-based line, 0 when the problem concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>1-based column, 0 when unknown.</summary>
    public int Column { get; }

    public string Message { get; }

    public Diagnostic ToDiagnostic()
    {
        var line = Math.Max(0, Line - 1);
        var column = Math.Max(0, Column - 1);
        var position = new LinePosition(line, column);
        var location = Location.Create(Path, default, new LinePositionSpan(position, position));
        return Diagnostic.Create(Descriptor, location, Message);
    }

    public bool Equals(DiagnosticInfo? other) =>
        other is not null && Descriptor.Id == other.Descriptor.Id && Path == other.Path && Line == other.Line &&
        Column == other.Column && Message == other.Message;

    public override bool Equals(object? obj) => Equals(obj as DiagnosticInfo);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Message) ^ Line;
}
