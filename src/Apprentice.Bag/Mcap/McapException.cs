namespace Apprentice.Bag.Mcap;

/// <summary>
/// A malformed, truncated, corrupt or hostile MCAP file. <see cref="Offset"/> is the byte offset
/// (from the start of the file, or of the decompressed chunk when <see cref="InChunkAt"/> is set)
/// of the record at fault.
/// </summary>
public sealed class McapException : IOException
{
    /// <summary>Creates the exception.</summary>
    public McapException(string message, long offset, long? inChunkAt = null, Exception? inner = null)
        : base(Format(message, offset, inChunkAt), inner)
    {
        Offset = offset;
        InChunkAt = inChunkAt;
    }

    /// <summary>Creates the exception with offset -1 (unknown).</summary>
    public McapException() : this("MCAP error", -1) { }

    /// <summary>Creates the exception with offset -1 (unknown).</summary>
    public McapException(string message) : this(message, -1) { }

    /// <summary>Creates the exception with offset -1 (unknown).</summary>
    public McapException(string message, Exception inner) : this(message, -1, null, inner) { }

    /// <summary>Byte offset of the record at fault, or -1 when unknown.</summary>
    public long Offset { get; }

    /// <summary>File offset of the enclosing chunk when the fault is inside a chunk.</summary>
    public long? InChunkAt { get; }

    private static string Format(string message, long offset, long? inChunkAt) =>
        inChunkAt is { } c ? $"{message} (at offset {offset} inside the chunk at file offset {c})"
        : offset >= 0 ? $"{message} (at file offset {offset})" : message;
}
