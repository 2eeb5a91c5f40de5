using System.Globalization;
using System.Text;

namespace Apprentice.Ros.Idl;

/// <summary>
/// The type of a field or constant: an element type (primitive or nested message) plus an optional
/// array shape. Immutable; thread-safe.
/// </summary>
public sealed class FieldType : IEquatable<FieldType>
{
    /// <summary>Creates a type; use the static helpers for the common shapes.</summary>
    /// <param name="kind">Element kind.</param>
    /// <param name="messageType">Full name <c>pkg/msg/Name</c> when <paramref name="kind"/> is <see cref="PrimitiveKind.Message"/>, else null.</param>
    /// <param name="stringBound">Maximum length in characters of a bounded string element (<c>string&lt;=N</c>), else null.</param>
    /// <param name="array">Array shape.</param>
    /// <param name="arrayLength">Element count for <see cref="ArrayKind.Fixed"/>, maximum for <see cref="ArrayKind.Bounded"/>, else 0.</param>
    public FieldType(PrimitiveKind kind, string? messageType, int? stringBound, ArrayKind array, int arrayLength)
    {
        if ((kind == PrimitiveKind.Message) != (messageType is not null))
        {
            throw new ArgumentException("A message type name is required exactly when the kind is Message.", nameof(messageType));
        }

        Kind = kind;
        MessageType = messageType;
        StringBound = stringBound;
        Array = array;
        ArrayLength = arrayLength;
    }

    /// <summary>Element kind.</summary>
    public PrimitiveKind Kind { get; }

    /// <summary>Full name (<c>pkg/msg/Name</c>) of the nested message type, or null for primitives.</summary>
    public string? MessageType { get; }

    /// <summary>Maximum characters of a bounded string element, or null when unbounded or not a string.</summary>
    public int? StringBound { get; }

    /// <summary>Array shape.</summary>
    public ArrayKind Array { get; }

    /// <summary>Element count of a fixed array, bound of a bounded sequence, otherwise 0.</summary>
    public int ArrayLength { get; }

    /// <summary>True when this is any kind of array or sequence.</summary>
    public bool IsArray => Array != ArrayKind.None;

    /// <summary>True when the element is a primitive (not a nested message).</summary>
    public bool IsPrimitive => Kind != PrimitiveKind.Message;

    /// <summary>The same element type without the array shape.</summary>
    public FieldType ElementType => Array == ArrayKind.None ? this : new FieldType(Kind, MessageType, StringBound, ArrayKind.None, 0);

    /// <summary>A scalar primitive type.</summary>
    public static FieldType Primitive(PrimitiveKind kind) => new(kind, null, null, ArrayKind.None, 0);

    /// <summary>A scalar nested message type.</summary>
    public static FieldType OfMessage(string fullName) => new(PrimitiveKind.Message, fullName, null, ArrayKind.None, 0);

    /// <summary>
    /// The type as written in ROS 2 <c>.msg</c> text, with nested types in the <c>pkg/Name</c>
    /// form (e.g. <c>string&lt;=5[&lt;=3]</c>, <c>builtin_interfaces/Time</c>).
    /// </summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Kind == PrimitiveKind.Message)
        {
            sb.Append(InterfaceName.ToShortForm(MessageType!));
        }
        else
        {
            sb.Append(Kind.ToMsgName());
            if (StringBound.HasValue)
            {
                sb.Append("<=").Append(StringBound.Value.ToString(CultureInfo.InvariantCulture));
            }
        }

        switch (Array)
        {
            case ArrayKind.Fixed:
                sb.Append('[').Append(ArrayLength.ToString(CultureInfo.InvariantCulture)).Append(']');
                break;
            case ArrayKind.Bounded:
                sb.Append("[<=").Append(ArrayLength.ToString(CultureInfo.InvariantCulture)).Append(']');
                break;
            case ArrayKind.Unbounded:
                sb.Append("[]");
                break;
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(FieldType? other) =>
        other is not null && Kind == other.Kind && string.Equals(MessageType, other.MessageType, StringComparison.Ordinal) &&
        StringBound == other.StringBound && Array == other.Array && ArrayLength == other.ArrayLength;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FieldType);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            var h = (int)Kind * 397 ^ (MessageType is null ? 0 : StringComparer.Ordinal.GetHashCode(MessageType));
            h = h * 397 ^ (StringBound ?? -1);
            return h * 397 ^ ((int)Array * 31 + ArrayLength);
        }
    }
}
