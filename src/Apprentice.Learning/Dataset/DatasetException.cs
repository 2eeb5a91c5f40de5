namespace Apprentice.Learning.Dataset;

/// <summary>A bag cannot become a dataset: corrupt or unreadable, missing topics, no usable samples. The message names the file and the fix.</summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatasetException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DatasetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public DatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The bag concerned, when one is.</summary>
    public string? BagPath { get; init; }
}
