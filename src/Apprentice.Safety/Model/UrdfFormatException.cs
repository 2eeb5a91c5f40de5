namespace Apprentice.Safety.Model;

/// <summary>A URDF document is malformed; the message names the source, element and attribute at fault and the fix.</summary>
public sealed class UrdfFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UrdfFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UrdfFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public UrdfFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
