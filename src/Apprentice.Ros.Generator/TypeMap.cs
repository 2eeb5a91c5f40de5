using System.Globalization;
using Apprentice.Ros.Idl;
using Microsoft.CodeAnalysis.CSharp;

namespace Apprentice.Ros.Generator;

/// <summary>ROS primitive kinds as C# types, literals and CDR reader/writer method names.</summary>
internal static class TypeMap
{
    /// <summary>The C# keyword type of a primitive, or the qualified class of a message.</summary>
    public static string Element(FieldType type)
    {
        switch (type.Kind)
        {
            case PrimitiveKind.Message: return Naming.QualifiedClass(type.MessageType!);
            case PrimitiveKind.Bool: return "bool";
            case PrimitiveKind.Byte:
            case PrimitiveKind.Char:
            case PrimitiveKind.UInt8: return "byte";
            case PrimitiveKind.Int8: return "sbyte";
            case PrimitiveKind.Int16: return "short";
            case PrimitiveKind.UInt16: return "ushort";
            case PrimitiveKind.Int32: return "int";
            case PrimitiveKind.UInt32: return "uint";
            case PrimitiveKind.Int64: return "long";
            case PrimitiveKind.UInt64: return "ulong";
            case PrimitiveKind.Float32: return "float";
            case PrimitiveKind.Float64: return "double";
            default: return "string";
        }
    }

    /// <summary>The property type: the element type, or an array of it.</summary>
    public static string Property(FieldType type) => type.IsArray ? Element(type) + "[]" : Element(type);

    /// <summary>The suffix of the CDR method for a primitive (<c>Float64</c> → <c>WriteFloat64</c>/<c>ReadFloat64</c>).</summary>
    public static string CdrSuffix(PrimitiveKind kind)
    {
        switch (kind)
        {
            case PrimitiveKind.Bool: return "Bool";
            case PrimitiveKind.Byte:
            case PrimitiveKind.Char:
            case PrimitiveKind.UInt8: return "UInt8";
            case PrimitiveKind.Int8: return "Int8";
            case PrimitiveKind.Int16: return "Int16";
            case PrimitiveKind.UInt16: return "UInt16";
            case PrimitiveKind.Int32: return "Int32";
            case PrimitiveKind.UInt32: return "UInt32";
            case PrimitiveKind.Int64: return "Int64";
            case PrimitiveKind.UInt64: return "UInt64";
            case PrimitiveKind.Float32: return "Float32";
            case PrimitiveKind.Float64: return "Float64";
            case PrimitiveKind.WString: return "WString";
            default: return "String";
        }
    }

    /// <summary>A C# literal for a parsed scalar value of <paramref name="kind"/>.</summary>
    public static string Literal(PrimitiveKind kind, object value)
    {
        switch (kind)
        {
            case PrimitiveKind.Bool: return (bool)value ? "true" : "false";
            case PrimitiveKind.String:
            case PrimitiveKind.WString: return SymbolDisplay.FormatLiteral((string)value, quote: true);
            case PrimitiveKind.Float32: return FloatLiteral((float)value);
            case PrimitiveKind.Float64: return DoubleLiteral((double)value);
            case PrimitiveKind.UInt64: return ((ulong)value).ToString(CultureInfo.InvariantCulture) + "UL";
            case PrimitiveKind.Int64: return ((long)value).ToString(CultureInfo.InvariantCulture) + "L";
            case PrimitiveKind.UInt32: return ((uint)value).ToString(CultureInfo.InvariantCulture) + "U";
            case PrimitiveKind.Int32: return Signed((int)value);
            default:
                return "unchecked((" + Element(FieldType.Primitive(kind)) + ")" +
                       Convert.ToString(value, CultureInfo.InvariantCulture) + ")";
        }
    }

    private static string Signed(int v) => v == int.MinValue ? "int.MinValue" : v.ToString(CultureInfo.InvariantCulture);

    private static string FloatLiteral(float v)
    {
        if (float.IsNaN(v))
        {
            return "float.NaN";
        }

        if (float.IsInfinity(v))
        {
            return v > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
        }

        return v.ToString("R", CultureInfo.InvariantCulture) + "f";
    }

    private static string DoubleLiteral(double v)
    {
        if (double.IsNaN(v))
        {
            return "double.NaN";
        }

        if (double.IsInfinity(v))
        {
            return v > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        var s = v.ToString("R", CultureInfo.InvariantCulture);
        return s.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? s + "d" : s + ".0";
    }
}
