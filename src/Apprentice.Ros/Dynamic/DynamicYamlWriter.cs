using System.Collections;
using System.Globalization;
using System.Text;

namespace Apprentice.Ros.Dynamic;

/// <summary>Prints a <see cref="DynamicMessage"/> as block YAML in the style of <c>ros2 topic echo</c>.</summary>
public static class DynamicYamlWriter
{
    /// <summary>The message as YAML (no document separator), ending with a newline.</summary>
    public static string Write(DynamicMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sb = new StringBuilder();
        WriteMapping(sb, message, 0, false);
        return sb.ToString();
    }

    /// <summary>A scalar formatted as ros2 echo does (floats always with a decimal point, strings quoted when YAML needs it).</summary>
    public static string FormatScalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        float f => FormatDouble(f, true),
        double d => FormatDouble(d, false),
        string s => QuoteIfNeeded(s),
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static void WriteMapping(StringBuilder sb, DynamicMessage message, int indent, bool firstInline)
    {
        var fields = message.Definition.Fields;
        if (fields.Count == 0)
        {
            sb.Append(firstInline ? "{}\n" : new string(' ', indent) + "{}\n");
            return;
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (!(firstInline && i == 0))
            {
                sb.Append(' ', indent);
            }

            sb.Append(fields[i].Name).Append(':');
            WriteValue(sb, message[i], indent);
        }
    }

    private static void WriteValue(StringBuilder sb, object value, int indent)
    {
        switch (value)
        {
            case DynamicMessage nested:
                sb.Append('\n');
                WriteMapping(sb, nested, indent + 2, false);
                break;
            case string s:
                sb.Append(' ').Append(QuoteIfNeeded(s)).Append('\n');
                break;
            case IList list:
                if (list.Count == 0)
                {
                    sb.Append(" []\n");
                    break;
                }

                sb.Append('\n');
                foreach (var item in list)
                {
                    sb.Append(' ', indent).Append("- ");
                    if (item is DynamicMessage m)
                    {
                        WriteMapping(sb, m, indent + 2, true);
                    }
                    else
                    {
                        sb.Append(FormatScalar(item!)).Append('\n');
                    }
                }

                break;
            default:
                sb.Append(' ').Append(FormatScalar(value)).Append('\n');
                break;
        }
    }

    private static string FormatDouble(double d, bool single)
    {
        if (double.IsNaN(d))
        {
            return ".nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? ".inf" : "-.inf";
        }

        var text = single ? ((float)d).ToString("R", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static string QuoteIfNeeded(string s)
    {
        if (s.Length == 0)
        {
            return "''";
        }

        var needs = char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]) || "-?:,[]{}#&*!|>'\"%@`".Contains(s[0], StringComparison.Ordinal) ||
                    s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal) || s.EndsWith(':') ||
                    s.Contains('\n', StringComparison.Ordinal) || IsYamlKeyword(s) ||
                    double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        if (!needs)
        {
            return s;
        }

        return s.Contains('\n', StringComparison.Ordinal) || ContainsControl(s)
            ? System.Text.Json.JsonSerializer.Serialize(s)
            : "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool ContainsControl(string s)
    {
        foreach (var c in s)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsYamlKeyword(string s) => s.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~" or ".nan" or ".inf" or "-.inf";
}
