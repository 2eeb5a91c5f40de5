namespace Apprentice.Bag.Decoding;

/// <summary>
/// A bag message could not be decoded: its topic is unknown, no usable definition of its type was
/// found (in the bag or the registry), or the payload does not match the definition.
/// </summary>
public sealed class BagDecodeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BagDecodeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public BagDecodeException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public BagDecodeException()
    {
    }
}
