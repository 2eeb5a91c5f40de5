namespace Apprentice.Ros.Names;

/// <summary>A topic, service, node or namespace name that ROS 2 would reject.</summary>
public sealed class InvalidRosNameException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public InvalidRosNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidRosNameException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidRosNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
