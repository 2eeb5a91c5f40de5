namespace Apprentice.Bag.Bags;

/// <summary>The bag writer stopped (e.g. disk full); what was written before stays readable.</summary>
public sealed class BagWriteException : IOException
{
    /// <summary>Creates the exception.</summary>
    public BagWriteException(string message, long messagesNotWritten, Exception? inner = null) : base(message, inner) =>
        MessagesNotWritten = messagesNotWritten;

    /// <summary>Creates the exception.</summary>
    public BagWriteException() { }

    /// <summary>Creates the exception.</summary>
    public BagWriteException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public BagWriteException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Messages accepted into the cache that never reached the disk.</summary>
    public long MessagesNotWritten { get; }
}
