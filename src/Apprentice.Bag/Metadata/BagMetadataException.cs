namespace Apprentice.Bag.Metadata;

/// <summary>A metadata.yaml that cannot be used: missing key, wrong type, or a path escaping the bag.</summary>
public sealed class BagMetadataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BagMetadataException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public BagMetadataException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public BagMetadataException() { }
}
