namespace Apprentice.Ros.Idl;

/// <summary>Facts about <see cref="PrimitiveKind"/> values: names as written in <c>.msg</c> files, sizes.</summary>
public static class PrimitiveKinds
{
    private static readonly string[] Names =
    {
        string.Empty, "bool", "byte", "char", "int8", "uint8", "int16", "uint16", "int32", "uint32",
        "int64", "uint64", "float32", "float64", "string", "wstring",
    };

    /// <summary>The name used in <c>.msg</c> text (<c>float64</c>); empty for <see cref="PrimitiveKind.Message"/>.</summary>
    public static string ToMsgName(this PrimitiveKind kind) => Names[(int)kind];

    /// <summary>Looks up a primitive by its <c>.msg</c> name; <c>false</c> for anything else (nested types).</summary>
    public static bool TryParse(string name, out PrimitiveKind kind)
    {
        for (var i = 1; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                kind = (PrimitiveKind)i;
                return true;
            }
        }

        kind = PrimitiveKind.Message;
        return false;
    }

    /// <summary>
    /// Size in bytes on the CDR wire (also its alignment); 0 for strings and messages, which have
    /// no fixed size.
    /// </summary>
    public static int FixedSize(this PrimitiveKind kind)
    {
        switch (kind)
        {
            case PrimitiveKind.Bool:
            case PrimitiveKind.Byte:
            case PrimitiveKind.Char:
            case PrimitiveKind.Int8:
            case PrimitiveKind.UInt8:
                return 1;
            case PrimitiveKind.Int16:
            case PrimitiveKind.UInt16:
                return 2;
            case PrimitiveKind.Int32:
            case PrimitiveKind.UInt32:
            case PrimitiveKind.Float32:
                return 4;
            case PrimitiveKind.Int64:
            case PrimitiveKind.UInt64:
            case PrimitiveKind.Float64:
                return 8;
            default:
                return 0;
        }
    }

    /// <summary>True for the fixed-size numeric and boolean kinds (everything but strings and messages).</summary>
    public static bool IsFixedSize(this PrimitiveKind kind) => kind.FixedSize() > 0;

    /// <summary>True for <c>string</c> and <c>wstring</c>.</summary>
    public static bool IsString(this PrimitiveKind kind) =>
        kind == PrimitiveKind.String || kind == PrimitiveKind.WString;

    /// <summary>True for the integer kinds (including <c>byte</c> and <c>char</c>).</summary>
    public static bool IsInteger(this PrimitiveKind kind) =>
        kind >= PrimitiveKind.Byte && kind <= PrimitiveKind.UInt64;

    /// <summary>True for <c>float32</c> and <c>float64</c>.</summary>
    public static bool IsFloat(this PrimitiveKind kind) =>
        kind == PrimitiveKind.Float32 || kind == PrimitiveKind.Float64;
}
