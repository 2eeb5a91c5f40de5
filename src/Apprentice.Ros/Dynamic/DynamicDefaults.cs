using System.Collections;
using System.Globalization;
using Apprentice.Ros.Cdr;
using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Dynamic;

/// <summary>Default values: the declared default, else zero, empty string, empty sequence or a fixed array of zeros.</summary>
internal static class DynamicDefaults
{
    public static DynamicMessage Create(DynamicCodec codec, MessageDefinition definition, int depth)
    {
        if (depth > DynamicCodec.MaxDepth)
        {
            throw new CdrException("nesting deeper than " + DynamicCodec.MaxDepth + " levels in " + definition.FullName, 0);
        }

        var values = new object[definition.Fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ForField(codec, definition.Fields[i], definition, depth);
        }

        return new DynamicMessage(definition, values);
    }

    public static object ForField(DynamicCodec codec, FieldDefinition field, MessageDefinition owner, int depth)
    {
        var type = field.Type;
        if (field.DefaultValue is { } declared)
        {
            return declared is IList list ? ToTypedArray(type.Kind, list) : Convert(type.Kind, declared);
        }

        if (type.Array == ArrayKind.None)
        {
            return type.Kind == PrimitiveKind.Message ? Create(codec, codec.ResolveNested(type, owner), depth + 1) : Zero(type.Kind);
        }

        var count = type.Array == ArrayKind.Fixed ? type.ArrayLength : 0;
        if (type.Kind == PrimitiveKind.Message)
        {
            var nested = codec.ResolveNested(type, owner);
            var messages = new DynamicMessage[count];
            for (var i = 0; i < count; i++)
            {
                messages[i] = Create(codec, nested, depth + 1);
            }

            return messages;
        }

        var items = new object[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = Zero(type.Kind);
        }

        return ToTypedArray(type.Kind, items);
    }

    public static object Zero(PrimitiveKind kind) => Convert(kind, 0);

    /// <summary>Converts a scalar to the CLR type of <paramref name="kind"/>.</summary>
    public static object Convert(PrimitiveKind kind, object value)
    {
        var c = CultureInfo.InvariantCulture;
        return kind switch
        {
            PrimitiveKind.Bool => System.Convert.ToBoolean(value, c),
            PrimitiveKind.Byte or PrimitiveKind.Char or PrimitiveKind.UInt8 => System.Convert.ToByte(value, c),
            PrimitiveKind.Int8 => System.Convert.ToSByte(value, c),
            PrimitiveKind.Int16 => System.Convert.ToInt16(value, c),
            PrimitiveKind.UInt16 => System.Convert.ToUInt16(value, c),
            PrimitiveKind.Int32 => System.Convert.ToInt32(value, c),
            PrimitiveKind.UInt32 => System.Convert.ToUInt32(value, c),
            PrimitiveKind.Int64 => System.Convert.ToInt64(value, c),
            PrimitiveKind.UInt64 => System.Convert.ToUInt64(value, c),
            PrimitiveKind.Float32 => System.Convert.ToSingle(value, c),
            PrimitiveKind.Float64 => System.Convert.ToDouble(value, c),
            PrimitiveKind.String or PrimitiveKind.WString => value is int ? string.Empty : System.Convert.ToString(value, c) ?? string.Empty,
            _ => throw new ArgumentException("messages have no scalar value", nameof(kind)),
        };
    }

    /// <summary>Builds the typed array (<c>double[]</c>, <c>string[]</c>, …) for a primitive kind.</summary>
    public static Array ToTypedArray(PrimitiveKind kind, IList items)
    {
        Array result = kind switch
        {
            PrimitiveKind.Bool => new bool[items.Count],
            PrimitiveKind.Byte or PrimitiveKind.Char or PrimitiveKind.UInt8 => new byte[items.Count],
            PrimitiveKind.Int8 => new sbyte[items.Count],
            PrimitiveKind.Int16 => new short[items.Count],
            PrimitiveKind.UInt16 => new ushort[items.Count],
            PrimitiveKind.Int32 => new int[items.Count],
            PrimitiveKind.UInt32 => new uint[items.Count],
            PrimitiveKind.Int64 => new long[items.Count],
            PrimitiveKind.UInt64 => new ulong[items.Count],
            PrimitiveKind.Float32 => new float[items.Count],
            PrimitiveKind.Float64 => new double[items.Count],
            PrimitiveKind.String or PrimitiveKind.WString => new string[items.Count],
            _ => new DynamicMessage[items.Count],
        };
        for (var i = 0; i < items.Count; i++)
        {
            result.SetValue(kind == PrimitiveKind.Message ? items[i] : Convert(kind, items[i]!), i);
        }

        return result;
    }
}
