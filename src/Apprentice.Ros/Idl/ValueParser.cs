using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace Apprentice.Ros.Idl;

/// <summary>Parses default and constant values as rosidl does (bools, integers with range checks, floats, quoted strings, arrays).</summary>
internal sealed class ValueParser
{
    private readonly string fileName;
    private readonly int line;
    private readonly int column;

    public ValueParser(string fileName, int line, int column)
    {
        this.fileName = fileName;
        this.line = line;
        this.column = column;
    }

    /// <summary>A default value: a scalar for scalar types, a bracketed list for arrays.</summary>
    public object ParseDefault(FieldType type, string text)
    {
        if (!type.IsArray)
        {
            return ParseScalar(type, text);
        }

        if (text.Length < 2 || text[0] != '[' || text[text.Length - 1] != ']')
        {
            throw Error("default of array type " + type + " must be a list like [1, 2, 3], not '" + text + "'");
        }

        var items = SplitList(text.Substring(1, text.Length - 2));
        if (type.Array == ArrayKind.Fixed && items.Count != type.ArrayLength)
        {
            throw Error("default has " + items.Count + " elements but " + type + " needs exactly " + type.ArrayLength);
        }

        if (type.Array == ArrayKind.Bounded && items.Count > type.ArrayLength)
        {
            throw Error("default has " + items.Count + " elements but " + type + " allows at most " + type.ArrayLength);
        }

        var element = type.ElementType;
        var values = new object[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ParseScalar(element, items[i]);
        }

        return new ReadOnlyCollection<object>(values);
    }

    /// <summary>A scalar value of a primitive type.</summary>
    public object ParseScalar(FieldType type, string text)
    {
        switch (type.Kind)
        {
            case PrimitiveKind.Bool:
                var lower = text.ToLowerInvariant();
                if (lower == "true" || lower == "1")
                {
                    return true;
                }

                if (lower == "false" || lower == "0")
                {
                    return false;
                }

                throw Error("'" + text + "' is not a bool; use true, false, 1 or 0");
            case PrimitiveKind.Byte:
            case PrimitiveKind.Char:
            case PrimitiveKind.UInt8:
                return (byte)ParseUnsigned(text, byte.MaxValue, type);
            case PrimitiveKind.UInt16:
                return (ushort)ParseUnsigned(text, ushort.MaxValue, type);
            case PrimitiveKind.UInt32:
                return (uint)ParseUnsigned(text, uint.MaxValue, type);
            case PrimitiveKind.UInt64:
                return ParseUnsigned(text, ulong.MaxValue, type);
            case PrimitiveKind.Int8:
                return (sbyte)ParseSigned(text, sbyte.MinValue, sbyte.MaxValue, type);
            case PrimitiveKind.Int16:
                return (short)ParseSigned(text, short.MinValue, short.MaxValue, type);
            case PrimitiveKind.Int32:
                return (int)ParseSigned(text, int.MinValue, int.MaxValue, type);
            case PrimitiveKind.Int64:
                return ParseSigned(text, long.MinValue, long.MaxValue, type);
            case PrimitiveKind.Float32:
                return (float)ParseFloat(text, type);
            case PrimitiveKind.Float64:
                return ParseFloat(text, type);
            case PrimitiveKind.String:
            case PrimitiveKind.WString:
                var s = Unquote(text);
                if (type.StringBound is { } bound && s.Length > bound)
                {
                    throw Error("string value has " + s.Length + " characters but the type allows at most " + bound);
                }

                return s;
            default:
                throw Error("type " + type + " cannot have a value");
        }
    }

    private ulong ParseUnsigned(string text, ulong max, FieldType type)
    {
        var t = text.StartsWith("+", StringComparison.Ordinal) ? text.Substring(1) : text;
        if (!ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v > max)
        {
            throw Error("'" + text + "' is not a valid " + type + " (0.." + max.ToString(CultureInfo.InvariantCulture) + ")");
        }

        return v;
    }

    private long ParseSigned(string text, long min, long max, FieldType type)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            throw Error("'" + text + "' is not a valid " + type + " (" + min.ToString(CultureInfo.InvariantCulture) + ".." +
                        max.ToString(CultureInfo.InvariantCulture) + ")");
        }

        return v;
    }

    private double ParseFloat(string text, FieldType type)
    {
        var lower = text.ToLowerInvariant();
        var negative = lower.StartsWith("-", StringComparison.Ordinal);
        var body = negative || lower.StartsWith("+", StringComparison.Ordinal) ? lower.Substring(1) : lower;
        if (body == "inf" || body == "infinity")
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (body == "nan")
        {
            return double.NaN;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            throw Error("'" + text + "' is not a valid " + type);
        }

        return v;
    }

    private string Unquote(string text)
    {
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[text.Length - 1] == text[0])
        {
            var quote = text[0];
            var sb = new StringBuilder(text.Length);
            for (var i = 1; i < text.Length - 1; i++)
            {
                var c = text[i];
                if (c == '\\' && i + 1 < text.Length - 1)
                {
                    var next = text[i + 1];
                    if (next == quote || next == '\\')
                    {
                        sb.Append(next);
                        i++;
                        continue;
                    }
                }

                sb.Append(c);
            }

            return sb.ToString();
        }

        if (text.Length > 0 && (text[0] == '"' || text[0] == '\''))
        {
            throw Error("string value " + text + " has no closing quote");
        }

        return text;
    }

    private List<string> SplitList(string inner)
    {
        var items = new List<string>();
        if (inner.Trim().Length == 0)
        {
            return items;
        }

        var start = 0;
        for (var comma = QuotedText.IndexOutsideQuotes(inner, ',', 0); comma >= 0; comma = QuotedText.IndexOutsideQuotes(inner, ',', start))
        {
            items.Add(inner.Substring(start, comma - start).Trim());
            start = comma + 1;
        }

        items.Add(inner.Substring(start).Trim());
        foreach (var item in items)
        {
            if (item.Length == 0)
            {
                throw Error("empty element in list '[" + inner + "]'");
            }
        }

        return items;
    }

    private IdlParseException Error(string reason) => new(reason, fileName, line, column);
}
