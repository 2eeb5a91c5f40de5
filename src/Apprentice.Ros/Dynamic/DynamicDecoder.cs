using Apprentice.Ros.Cdr;
using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Dynamic;

/// <summary>Reads a value tree from CDR, guided by definitions.</summary>
internal readonly struct DynamicDecoder
{
    private readonly DynamicCodec codec;

    public DynamicDecoder(DynamicCodec codec) => this.codec = codec;

    public DynamicMessage ReadMessage(ref CdrReader reader, MessageDefinition definition, int depth)
    {
        if (depth > DynamicCodec.MaxDepth)
        {
            throw new CdrException("nesting deeper than " + DynamicCodec.MaxDepth + " levels in " + definition.FullName, reader.Position);
        }

        var fields = definition.Fields;
        if (fields.Count == 0)
        {
            // An empty ROS struct carries one placeholder uint8 on the wire.
            reader.ReadUInt8();
            return new DynamicMessage(definition, Array.Empty<object>());
        }

        var values = new object[fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadField(ref reader, fields[i].Type, definition, depth);
        }

        return new DynamicMessage(definition, values);
    }

    private object ReadField(ref CdrReader reader, FieldType type, MessageDefinition owner, int depth)
    {
        if (type.Array == ArrayKind.None)
        {
            return ReadScalar(ref reader, type, owner, depth);
        }

        int count;
        if (type.Array == ArrayKind.Fixed)
        {
            count = type.ArrayLength;
        }
        else
        {
            var min = type.Kind.FixedSize();
            count = reader.ReadSequenceLength(min > 0 ? min : type.Kind.IsString() ? 4 : 1, type.Array == ArrayKind.Bounded ? type.ArrayLength : 0);
        }

        switch (type.Kind)
        {
            case PrimitiveKind.Bool:
                CheckFixedFits(ref reader, type, count, 1);
                var bools = new bool[count];
                for (var i = 0; i < count; i++)
                {
                    bools[i] = reader.ReadBool();
                }

                return bools;
            case PrimitiveKind.Byte:
            case PrimitiveKind.Char:
            case PrimitiveKind.UInt8:
                return reader.ReadArray<byte>(count);
            case PrimitiveKind.Int8:
                return reader.ReadArray<sbyte>(count);
            case PrimitiveKind.Int16:
                return reader.ReadArray<short>(count);
            case PrimitiveKind.UInt16:
                return reader.ReadArray<ushort>(count);
            case PrimitiveKind.Int32:
                return reader.ReadArray<int>(count);
            case PrimitiveKind.UInt32:
                return reader.ReadArray<uint>(count);
            case PrimitiveKind.Int64:
                return reader.ReadArray<long>(count);
            case PrimitiveKind.UInt64:
                return reader.ReadArray<ulong>(count);
            case PrimitiveKind.Float32:
                return reader.ReadArray<float>(count);
            case PrimitiveKind.Float64:
                return reader.ReadArray<double>(count);
            case PrimitiveKind.String:
            case PrimitiveKind.WString:
                CheckFixedFits(ref reader, type, count, 4);
                var strings = new string[count];
                var element = type.ElementType;
                for (var i = 0; i < count; i++)
                {
                    strings[i] = (string)ReadScalar(ref reader, element, owner, depth);
                }

                return strings;
            default:
                CheckFixedFits(ref reader, type, count, 1);
                var nested = codec.ResolveNested(type, owner);
                var messages = new DynamicMessage[count];
                for (var i = 0; i < count; i++)
                {
                    messages[i] = ReadMessage(ref reader, nested, depth + 1);
                }

                return messages;
        }
    }

    private static void CheckFixedFits(ref CdrReader reader, FieldType type, int count, int minSize)
    {
        if (type.Array == ArrayKind.Fixed && (long)count * minSize > reader.Remaining)
        {
            throw new CdrException("fixed array of " + count + " elements needs more bytes than the " + reader.Remaining + " left", reader.Position);
        }
    }

    private object ReadScalar(ref CdrReader reader, FieldType type, MessageDefinition owner, int depth)
    {
        switch (type.Kind)
        {
            case PrimitiveKind.Bool: return reader.ReadBool();
            case PrimitiveKind.Byte:
            case PrimitiveKind.Char:
            case PrimitiveKind.UInt8: return reader.ReadUInt8();
            case PrimitiveKind.Int8: return reader.ReadInt8();
            case PrimitiveKind.Int16: return reader.ReadInt16();
            case PrimitiveKind.UInt16: return reader.ReadUInt16();
            case PrimitiveKind.Int32: return reader.ReadInt32();
            case PrimitiveKind.UInt32: return reader.ReadUInt32();
            case PrimitiveKind.Int64: return reader.ReadInt64();
            case PrimitiveKind.UInt64: return reader.ReadUInt64();
            case PrimitiveKind.Float32: return reader.ReadFloat32();
            case PrimitiveKind.Float64: return reader.ReadFloat64();
            case PrimitiveKind.String: return reader.ReadString(type.StringBound ?? 0);
            case PrimitiveKind.WString: return reader.ReadWString(type.StringBound ?? 0);
            default: return ReadMessage(ref reader, codec.ResolveNested(type, owner), depth + 1);
        }
    }
}
