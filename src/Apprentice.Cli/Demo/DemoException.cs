namespace Apprentice.Cli.Demo;

/// <summary>The demo cannot go on: a node failed to start, died, or did not answer. The message says which and why.</summary>
internal sealed class DemoException : Exception
{
    public DemoException(string message)
        : base(message)
    {
    }

    public DemoException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public DemoException()
    {
    }
}
