using System.Globalization;
using Apprentice.Ros.Idl;
using YamlDotNet.RepresentationModel;

namespace Apprentice.Ros.Dynamic;

/// <summary>
/// Builds a <see cref="DynamicMessage"/> from YAML as <c>ros2 topic pub</c> accepts it
/// (<c>"{data: hello}"</c> or block YAML); missing fields take their defaults.
/// </summary>
public static class DynamicYamlReader
{
    /// <summary>Parses <paramref name="yaml"/> into a message of <paramref name="definition"/>'s type.</summary>
    /// <exception cref="FormatException">The YAML is invalid, names an unknown field, or a value does not fit its type; the message names the field path.</exception>
    public static DynamicMessage Read(DynamicCodec codec, MessageDefinition definition, string yaml)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(definition);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml ?? string.Empty));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException("invalid YAML for " + definition.FullName + ": " + e.Message, e);
        }

        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" })
        {
            root = null;
        }

        return ReadMessage(codec, definition, root, definition.Name, 0);
    }

    private static DynamicMessage ReadMessage(DynamicCodec codec, MessageDefinition definition, YamlNode? node, string path, int depth)
    {
        var message = DynamicDefaults.Create(codec, definition, depth);
        if (node is null)
        {
            return message;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw new FormatException(path + ": expected a mapping of the fields of " + definition.FullName);
        }

        foreach (var entry in mapping.Children)
        {
            var name = ((YamlScalarNode)entry.Key).Value ?? string.Empty;
            var field = definition.FindField(name)
                        ?? throw new FormatException(path + ": " + definition.FullName + " has no field '" + name + "'");
            message[name] = ReadField(codec, field.Type, definition, entry.Value, path + "." + name, depth);
        }

        return message;
    }

    private static object ReadField(DynamicCodec codec, FieldType type, MessageDefinition owner, YamlNode node, string path, int depth)
    {
        if (!type.IsArray)
        {
            return ReadScalar(codec, type, owner, node, path, depth);
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw new FormatException(path + ": expected a list for " + type);
        }

        var count = sequence.Children.Count;
        if ((type.Array == ArrayKind.Fixed && count != type.ArrayLength) || (type.Array == ArrayKind.Bounded && count > type.ArrayLength))
        {
            throw new FormatException(path + ": " + count + " elements do not fit " + type);
        }

        var element = type.ElementType;
        var items = new object[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = ReadScalar(codec, element, owner, sequence.Children[i], path + "[" + i + "]", depth);
        }

        return DynamicDefaults.ToTypedArray(type.Kind, items);
    }

    private static object ReadScalar(DynamicCodec codec, FieldType type, MessageDefinition owner, YamlNode node, string path, int depth)
    {
        if (type.Kind == PrimitiveKind.Message)
        {
            return ReadMessage(codec, codec.ResolveNested(type, owner), node, path, depth + 1);
        }

        if (node is not YamlScalarNode scalar)
        {
            throw new FormatException(path + ": expected a " + type + " value");
        }

        var text = scalar.Value ?? string.Empty;
        try
        {
            object value = type.Kind switch
            {
                PrimitiveKind.String or PrimitiveKind.WString => text,
                PrimitiveKind.Bool => ParseBool(text),
                PrimitiveKind.Float32 or PrimitiveKind.Float64 => ParseDouble(text),
                _ => text,
            };
            var result = DynamicDefaults.Convert(type.Kind, value);
            if (type.StringBound is { } bound && ((string)result).Length > bound)
            {
                throw new FormatException("longer than " + bound + " characters");
            }

            return result;
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            throw new FormatException(path + ": '" + text + "' is not a valid " + type + " (" + e.Message + ")", e);
        }
    }

    private static bool ParseBool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "1" => true,
        "false" or "no" or "off" or "0" => false,
        _ => throw new FormatException("expected true or false"),
    };

    private static double ParseDouble(string text) => text.ToLowerInvariant() switch
    {
        ".nan" or "nan" => double.NaN,
        ".inf" or "+.inf" or "inf" => double.PositiveInfinity,
        "-.inf" or "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
