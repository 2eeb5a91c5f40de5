namespace Apprentice.Safety.Limits;

/// <summary>A limits or robot configuration is invalid; the message names the parameter key and the fix.</summary>
public sealed class LimitsConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LimitsConfigException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LimitsConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public LimitsConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
