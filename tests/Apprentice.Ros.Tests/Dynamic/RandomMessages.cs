using System.Text;
using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Tests.Dynamic;

/// <summary>Builds messages with random values that every implementation can represent exactly.</summary>
internal sealed class RandomMessages
{
    private const string Ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-:#'\"/.,{}[]";
    private readonly DynamicCodec codec;
    private readonly Random random;

    public RandomMessages(DynamicCodec codec, int seed)
    {
        this.codec = codec;
        random = new Random(seed);
    }

    public DynamicMessage Create(MessageDefinition definition, int depth = 0)
    {
        var values = new object[definition.Fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Field(definition.Fields[i].Type, definition, depth);
        }

        return new DynamicMessage(definition, values);
    }

    private object Field(FieldType type, MessageDefinition owner, int depth)
    {
        if (!type.IsArray)
        {
            return Scalar(type, owner, depth);
        }

        var count = type.Array switch
        {
            ArrayKind.Fixed => type.ArrayLength,
            ArrayKind.Bounded => random.Next(type.ArrayLength + 1),
            _ => random.Next(depth > 1 ? 2 : 5),
        };
        var element = type.ElementType;
        var items = new object[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = Scalar(element, owner, depth);
        }

        if (type.Kind == PrimitiveKind.Message)
        {
            return items.Cast<DynamicMessage>().ToArray();
        }

        return ToTyped(type.Kind, items);
    }

    private object Scalar(FieldType type, MessageDefinition owner, int depth)
    {
        switch (type.Kind)
        {
            case PrimitiveKind.Bool: return random.Next(2) == 1;
            case PrimitiveKind.Byte:
            case PrimitiveKind.Char:
            case PrimitiveKind.UInt8: return (byte)random.Next(256);
            case PrimitiveKind.Int8: return (sbyte)random.Next(-128, 128);
            case PrimitiveKind.Int16: return (short)random.Next(short.MinValue, short.MaxValue + 1);
            case PrimitiveKind.UInt16: return (ushort)random.Next(ushort.MaxValue + 1);
            case PrimitiveKind.Int32: return random.Next(int.MinValue, int.MaxValue);
            case PrimitiveKind.UInt32: return (uint)random.NextInt64(uint.MaxValue + 1L);
            case PrimitiveKind.Int64: return random.NextInt64(long.MinValue, long.MaxValue);
            case PrimitiveKind.UInt64: return (ulong)random.NextInt64(long.MinValue, long.MaxValue);
            case PrimitiveKind.Float32: return (float)(random.Next(-100000, 100000) / 64.0);
            case PrimitiveKind.Float64: return random.Next(-1000000, 1000000) / 1000.0;
            case PrimitiveKind.String:
                var length = random.Next(Math.Min(type.StringBound ?? 12, 12) + 1);
                var sb = new StringBuilder(length);
                for (var i = 0; i < length; i++)
                {
                    sb.Append(Ascii[random.Next(Ascii.Length)]);
                }

                return sb.ToString();
            case PrimitiveKind.WString: return "w";
            default: return Create(codec.Resolve(type.MessageType!), depth + 1);
        }
    }

    private static Array ToTyped(PrimitiveKind kind, object[] items)
    {
        Array result = kind switch
        {
            PrimitiveKind.Bool => new bool[items.Length],
            PrimitiveKind.Byte or PrimitiveKind.Char or PrimitiveKind.UInt8 => new byte[items.Length],
            PrimitiveKind.Int8 => new sbyte[items.Length],
            PrimitiveKind.Int16 => new short[items.Length],
            PrimitiveKind.UInt16 => new ushort[items.Length],
            PrimitiveKind.Int32 => new int[items.Length],
            PrimitiveKind.UInt32 => new uint[items.Length],
            PrimitiveKind.Int64 => new long[items.Length],
            PrimitiveKind.UInt64 => new ulong[items.Length],
            PrimitiveKind.Float32 => new float[items.Length],
            PrimitiveKind.Float64 => new double[items.Length],
            _ => new string[items.Length],
        };
        for (var i = 0; i < items.Length; i++)
        {
            result.SetValue(items[i], i);
        }

        return result;
    }
}
