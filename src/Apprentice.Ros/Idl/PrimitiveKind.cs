namespace Apprentice.Ros.Idl;

/// <summary>
/// The element kind of a ROS 2 field: one of the built-in primitive types, or <see cref="Message"/>
/// for a nested message type.
/// </summary>
public enum PrimitiveKind
{
    /// <summary>A nested message; the type's full name is in <see cref="FieldType.MessageType"/>.</summary>
    Message = 0,

    /// <summary><c>bool</c>: one byte, 0 or 1.</summary>
    Bool,

    /// <summary><c>byte</c>: an opaque octet (one byte).</summary>
    Byte,

    /// <summary><c>char</c>: in ROS 2 an unsigned 8-bit integer.</summary>
    Char,

    /// <summary><c>int8</c>.</summary>
    Int8,

    /// <summary><c>uint8</c>.</summary>
    UInt8,

    /// <summary><c>int16</c>.</summary>
    Int16,

    /// <summary><c>uint16</c>.</summary>
    UInt16,

    /// <summary><c>int32</c>.</summary>
    Int32,

    /// <summary><c>uint32</c>.</summary>
    UInt32,

    /// <summary><c>int64</c>.</summary>
    Int64,

    /// <summary><c>uint64</c>.</summary>
    UInt64,

    /// <summary><c>float32</c>.</summary>
    Float32,

    /// <summary><c>float64</c>.</summary>
    Float64,

    /// <summary><c>string</c>: UTF-8, optionally bounded (<c>string&lt;=N</c>).</summary>
    String,

    /// <summary><c>wstring</c>: UTF-16, optionally bounded.</summary>
    WString,
}
