using System.Buffers;
using System.Collections;
using System.Text;
using System.Text.Json;

namespace Apprentice.Ros.Dynamic;

/// <summary>Prints a <see cref="DynamicMessage"/> as JSON (fields in order; NaN and infinities as strings).</summary>
public static class DynamicJsonWriter
{
    /// <summary>The message as a JSON object.</summary>
    public static string Write(DynamicMessage message, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            WriteMessage(json, message);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteMessage(Utf8JsonWriter json, DynamicMessage message)
    {
        json.WriteStartObject();
        var fields = message.Definition.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            json.WritePropertyName(fields[i].Name);
            WriteValue(json, message[i]);
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case DynamicMessage m: WriteMessage(json, m); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case float f: WriteDouble(json, f); break;
            case double d: WriteDouble(json, d); break;
            case long l: json.WriteNumberValue(l); break;
            case ulong ul: json.WriteNumberValue(ul); break;
            case IList list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(json, item!);
                }

                json.WriteEndArray();
                break;
            default: json.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }

    private static void WriteDouble(Utf8JsonWriter json, double d)
    {
        if (double.IsFinite(d))
        {
            json.WriteNumberValue(d);
        }
        else
        {
            json.WriteStringValue(double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        }
    }
}
