using System.Collections;
using System.Globalization;
using Apprentice.Ros.Cdr;
using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Dynamic;

/// <summary>Writes a value tree as CDR, guided by definitions. Numeric values are converted to the field's kind.</summary>
internal readonly struct DynamicEncoder
{
    private readonly DynamicCodec codec;

    public DynamicEncoder(DynamicCodec codec) => this.codec = codec;

    public void WriteMessage(ref CdrWriter writer, DynamicMessage message, int depth)
    {
        if (depth > DynamicCodec.MaxDepth)
        {
            throw new CdrException("nesting deeper than " + DynamicCodec.MaxDepth + " levels in " + message.Definition.FullName, writer.Length);
        }

        var fields = message.Definition.Fields;
        if (fields.Count == 0)
        {
            writer.WriteUInt8(0);
            return;
        }

        for (var i = 0; i < fields.Count; i++)
        {
            WriteField(ref writer, fields[i], message[i], message.Definition, depth);
        }
    }

    private void WriteField(ref CdrWriter writer, FieldDefinition field, object value, MessageDefinition owner, int depth)
    {
        var type = field.Type;
        if (type.Array == ArrayKind.None)
        {
            WriteScalar(ref writer, type, value, owner, depth);
            return;
        }

        if (value is not IList list)
        {
            throw new CdrException(owner.FullName + "." + field.Name + " needs a list, got " + value.GetType().Name, writer.Length);
        }

        if (type.Array == ArrayKind.Fixed)
        {
            if (list.Count != type.ArrayLength)
            {
                throw new CdrException(owner.FullName + "." + field.Name + " needs exactly " + type.ArrayLength + " elements, got " + list.Count, writer.Length);
            }
        }
        else
        {
            writer.WriteSequenceLength(list.Count, type.Array == ArrayKind.Bounded ? type.ArrayLength : 0);
        }

        switch (value)
        {
            case byte[] a when type.Kind is PrimitiveKind.UInt8 or PrimitiveKind.Byte or PrimitiveKind.Char: writer.WriteArray<byte>(a); return;
            case sbyte[] a when type.Kind == PrimitiveKind.Int8: writer.WriteArray<sbyte>(a); return;
            case short[] a when type.Kind == PrimitiveKind.Int16: writer.WriteArray<short>(a); return;
            case ushort[] a when type.Kind == PrimitiveKind.UInt16: writer.WriteArray<ushort>(a); return;
            case int[] a when type.Kind == PrimitiveKind.Int32: writer.WriteArray<int>(a); return;
            case uint[] a when type.Kind == PrimitiveKind.UInt32: writer.WriteArray<uint>(a); return;
            case long[] a when type.Kind == PrimitiveKind.Int64: writer.WriteArray<long>(a); return;
            case ulong[] a when type.Kind == PrimitiveKind.UInt64: writer.WriteArray<ulong>(a); return;
            case float[] a when type.Kind == PrimitiveKind.Float32: writer.WriteArray<float>(a); return;
            case double[] a when type.Kind == PrimitiveKind.Float64: writer.WriteArray<double>(a); return;
        }

        var element = type.ElementType;
        foreach (var item in list)
        {
            WriteScalar(ref writer, element, item ?? throw new CdrException(owner.FullName + "." + field.Name + " holds a null element", writer.Length), owner, depth);
        }
    }

    private void WriteScalar(ref CdrWriter writer, FieldType type, object value, MessageDefinition owner, int depth)
    {
        var c = CultureInfo.InvariantCulture;
        switch (type.Kind)
        {
            case PrimitiveKind.Bool: writer.WriteBool(Convert.ToBoolean(value, c)); break;
            case PrimitiveKind.Byte:
            case PrimitiveKind.Char:
            case PrimitiveKind.UInt8: writer.WriteUInt8(Convert.ToByte(value, c)); break;
            case PrimitiveKind.Int8: writer.WriteInt8(Convert.ToSByte(value, c)); break;
            case PrimitiveKind.Int16: writer.WriteInt16(Convert.ToInt16(value, c)); break;
            case PrimitiveKind.UInt16: writer.WriteUInt16(Convert.ToUInt16(value, c)); break;
            case PrimitiveKind.Int32: writer.WriteInt32(Convert.ToInt32(value, c)); break;
            case PrimitiveKind.UInt32: writer.WriteUInt32(Convert.ToUInt32(value, c)); break;
            case PrimitiveKind.Int64: writer.WriteInt64(Convert.ToInt64(value, c)); break;
            case PrimitiveKind.UInt64: writer.WriteUInt64(Convert.ToUInt64(value, c)); break;
            case PrimitiveKind.Float32: writer.WriteFloat32(Convert.ToSingle(value, c)); break;
            case PrimitiveKind.Float64: writer.WriteFloat64(Convert.ToDouble(value, c)); break;
            case PrimitiveKind.String: writer.WriteString((string)value, type.StringBound ?? 0); break;
            case PrimitiveKind.WString: writer.WriteWString((string)value, type.StringBound ?? 0); break;
            default:
                var message = (DynamicMessage)value;
                var expected = codec.ResolveNested(type, owner);
                if (!string.Equals(message.Definition.FullName, expected.FullName, StringComparison.Ordinal))
                {
                    throw new CdrException("expected a " + expected.FullName + " but got a " + message.Definition.FullName, writer.Length);
                }

                WriteMessage(ref writer, message, depth + 1);
                break;
        }
    }
}
