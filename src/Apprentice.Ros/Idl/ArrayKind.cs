namespace Apprentice.Ros.Idl;

/// <summary>Whether and how a field is an array.</summary>
public enum ArrayKind
{
    /// <summary>A single value.</summary>
    None = 0,

    /// <summary><c>T[N]</c>: exactly N elements, no count on the wire.</summary>
    Fixed,

    /// <summary><c>T[&lt;=N]</c>: a sequence of at most N elements.</summary>
    Bounded,

    /// <summary><c>T[]</c>: a sequence of any length.</summary>
    Unbounded,
}
