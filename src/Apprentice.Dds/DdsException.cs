namespace Apprentice.Dds;

/// <summary>A Cyclone DDS call failed at configure time (creating a participant, topic, reader or writer).</summary>
public sealed class DdsException : Exception
{
    /// <summary>Creates the exception with Cyclone's return code.</summary>
    public DdsException(string message, int returnCode)
        : base(message) => ReturnCode = returnCode;

    /// <summary>Creates the exception.</summary>
    public DdsException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DdsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DdsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Cyclone's <c>DDS_RETCODE_*</c> value (negative), or 0 when not from Cyclone.</summary>
    public int ReturnCode { get; }
}
