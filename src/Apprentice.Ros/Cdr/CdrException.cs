namespace Apprentice.Ros.Cdr;

/// <summary>A CDR payload is malformed (truncated, lying length, bad UTF-8, bad bool, bound exceeded) or a buffer is too small.</summary>
public sealed class CdrException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">What is wrong.</param>
    /// <param name="offset">Byte offset in the payload (counting the 4-byte header) where it went wrong.</param>
    public CdrException(string reason, int offset)
        : base(reason + " (at byte " + offset + ")")
    {
        Offset = offset;
    }

    /// <summary>Byte offset from the start of the payload, header included.</summary>
    public int Offset { get; }
}
