namespace Apprentice.Ros.Messages;

/// <summary>
/// A field of a generated message has the wrong number of elements or bytes: a fixed array
/// (<c>T[N]</c>) not of length N, or a bounded sequence or string (<c>T[&lt;=N]</c>,
/// <c>string&lt;=N</c>) longer than N — on write, or in a payload being read.
/// </summary>
public sealed class MessageFieldLengthException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The field, <c>pkg/msg/Type.field</c>.</param>
    /// <param name="actual">Elements (or UTF-8 bytes for strings) found.</param>
    /// <param name="limit">Required length (fixed arrays) or upper bound.</param>
    /// <param name="isFixed">True for a fixed-length array.</param>
    public MessageFieldLengthException(string field, long actual, long limit, bool isFixed)
        : base(isFixed
            ? $"{field} must have exactly {limit} elements but has {actual}; resize the array to {limit}."
            : $"{field} allows at most {limit} but has {actual}; shorten it to {limit} or fewer.")
    {
        Field = field;
        Actual = actual;
        Limit = limit;
        IsFixed = isFixed;
    }

    /// <summary>The field, <c>pkg/msg/Type.field</c>.</summary>
    public string Field { get; }

    /// <summary>Elements (or UTF-8 bytes for strings) found.</summary>
    public long Actual { get; }

    /// <summary>Required length or upper bound.</summary>
    public long Limit { get; }

    /// <summary>True when the field is a fixed-length array.</summary>
    public bool IsFixed { get; }
}
