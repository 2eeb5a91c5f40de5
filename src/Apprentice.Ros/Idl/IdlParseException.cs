namespace Apprentice.Ros.Idl;

/// <summary>
/// A <c>.msg</c>/<c>.srv</c> text could not be parsed. The message starts with
/// <c>file:line:column:</c> and says what to fix.
/// </summary>
public sealed class IdlParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">What is wrong and how to fix it.</param>
    /// <param name="fileName">The file (or interface name) being parsed.</param>
    /// <param name="line">1-based line, or 0 when the error is not tied to a line.</param>
    /// <param name="column">1-based column, or 0.</param>
    public IdlParseException(string reason, string fileName, int line, int column)
        : base(Format(reason, fileName, line, column))
    {
        Reason = reason;
        FileName = fileName;
        Line = line;
        Column = column;
    }

    /// <summary>What is wrong, without the position prefix.</summary>
    public string Reason { get; }

    /// <summary>The file or interface name being parsed.</summary>
    public string FileName { get; }

    /// <summary>1-based line number (0 when not tied to a line).</summary>
    public int Line { get; }

    /// <summary>1-based column number (0 when not tied to a position).</summary>
    public int Column { get; }

    private static string Format(string reason, string fileName, int line, int column) =>
        line <= 0 ? fileName + ": " + reason : fileName + ":" + line + ":" + column + ": " + reason;
}
