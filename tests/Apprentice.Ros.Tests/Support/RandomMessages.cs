using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Tests.Support;

/// <summary>
/// Builds random <see cref="DynamicMessage"/> values that respect a definition's shapes and bounds.
/// Portable values (the default) are ones every implementation represents exactly — ASCII text,
/// short binary fractions, no NaN — for comparisons with other libraries and text round trips;
/// otherwise NaN, ±inf, −0 and non-ASCII text are in the mix too.
/// </summary>
internal sealed class RandomMessages
{
    private const string Ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-:#'\"/.,{}[]";
    private static readonly string[] NonAscii = { "é", "ü", "中", "ß", "ø" };
    private readonly Random random;
    private readonly DynamicCodec codec;
    private readonly bool portable;

    public RandomMessages(DynamicCodec codec, int seed, bool portable = true)
    {
        random = new Random(seed);
        this.codec = codec;
        this.portable = portable;
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
        return type.Kind switch
        {
            PrimitiveKind.Bool => Fill(count, () => random.Next(2) == 1),
            PrimitiveKind.Byte or PrimitiveKind.Char or PrimitiveKind.UInt8 => Fill(count, () => (byte)random.Next(256)),
            PrimitiveKind.Int8 => Fill(count, () => (sbyte)random.Next(-128, 128)),
            PrimitiveKind.Int16 => Fill(count, () => (short)random.Next(short.MinValue, short.MaxValue + 1)),
            PrimitiveKind.UInt16 => Fill(count, () => (ushort)random.Next(ushort.MaxValue + 1)),
            PrimitiveKind.Int32 => Fill(count, () => random.Next(int.MinValue, int.MaxValue)),
            PrimitiveKind.UInt32 => Fill(count, () => (uint)random.NextInt64(uint.MaxValue + 1L)),
            PrimitiveKind.Int64 => Fill(count, () => random.NextInt64(long.MinValue, long.MaxValue)),
            PrimitiveKind.UInt64 => Fill(count, () => (ulong)random.NextInt64(long.MinValue, long.MaxValue)),
            PrimitiveKind.Float32 => Fill(count, Single),
            PrimitiveKind.Float64 => Fill(count, Double),
            PrimitiveKind.String or PrimitiveKind.WString => Fill(count, () => (string)Scalar(element, owner, depth)),
            _ => Fill(count, () => (DynamicMessage)Scalar(element, owner, depth)),
        };
    }

    private object Scalar(FieldType type, MessageDefinition owner, int depth) => type.Kind switch
    {
        PrimitiveKind.Bool => random.Next(2) == 1,
        PrimitiveKind.Byte or PrimitiveKind.Char or PrimitiveKind.UInt8 => (byte)random.Next(256),
        PrimitiveKind.Int8 => (sbyte)random.Next(-128, 128),
        PrimitiveKind.Int16 => (short)random.Next(short.MinValue, short.MaxValue + 1),
        PrimitiveKind.UInt16 => (ushort)random.Next(ushort.MaxValue + 1),
        PrimitiveKind.Int32 => random.Next(int.MinValue, int.MaxValue),
        PrimitiveKind.UInt32 => (uint)random.NextInt64(uint.MaxValue + 1L),
        PrimitiveKind.Int64 => random.NextInt64(long.MinValue, long.MaxValue),
        PrimitiveKind.UInt64 => (ulong)random.NextInt64(long.MinValue, long.MaxValue),
        PrimitiveKind.Float32 => Single(),
        PrimitiveKind.Float64 => Double(),
        PrimitiveKind.String => Text(type.StringBound, allowNonAscii: !portable && type.StringBound is null),
        PrimitiveKind.WString => portable ? "w" : Text(type.StringBound, allowNonAscii: true),
        _ => Create(codec.ResolveNested(type, owner), depth + 1),
    };

    private float Single() => portable ? (float)(random.Next(-100000, 100000) / 64.0) : (float)Double();

    private double Double() => portable ? random.Next(-1000000, 1000000) / 1000.0 : random.Next(20) switch
    {
        0 => double.NaN,
        1 => double.PositiveInfinity,
        2 => -0.0,
        _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 6)),
    };

    private string Text(int? bound, bool allowNonAscii)
    {
        var length = random.Next((portable ? Math.Min(bound ?? 12, 12) : bound ?? 12) + 1);
        var chars = new System.Text.StringBuilder();
        while (chars.Length < length)
        {
            chars.Append(allowNonAscii && random.Next(6) == 0 ? NonAscii[random.Next(NonAscii.Length)] : Ascii[random.Next(Ascii.Length)].ToString());
        }

        return chars.ToString();
    }

    private static T[] Fill<T>(int count, Func<T> next)
    {
        var array = new T[count];
        for (var i = 0; i < count; i++)
        {
            array[i] = next();
        }

        return array;
    }
}
