namespace Apprentice.Ros.Args;

/// <summary>A malformed <c>--ros-args</c> section, remap rule, parameter or parameter file.</summary>
public sealed class RosArgumentException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public RosArgumentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RosArgumentException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public RosArgumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
