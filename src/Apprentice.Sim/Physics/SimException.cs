namespace Apprentice.Sim.Physics;

/// <summary>Base of the simulation's configure-time errors; the message names the file or item and the fix.</summary>
public class SimException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SimException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SimException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SimException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>The MuJoCo library or the Apprentice shim cannot be loaded.</summary>
public sealed class MujocoUnavailableException : SimException
{
    /// <summary>Creates the exception.</summary>
    public MujocoUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MujocoUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MujocoUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>A scene (MJCF) file is missing or MuJoCo rejected it, or it lacks an element the simulation needs.</summary>
public sealed class SceneLoadException : SimException
{
    /// <summary>Creates the exception.</summary>
    public SceneLoadException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SceneLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SceneLoadException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>Offscreen rendering (EGL) could not be set up.</summary>
public sealed class RenderUnavailableException : SimException
{
    /// <summary>Creates the exception.</summary>
    public RenderUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RenderUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RenderUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
