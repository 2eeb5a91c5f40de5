using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Apprentice.Bag.Metadata;

/// <summary>Typed access to metadata.yaml nodes with errors that name the file and key.</summary>
internal sealed class NodeReader(string source)
{
    public YamlNode Required(YamlNode? node, string key) =>
        BagMetadataYaml.Child(node, key) ?? throw new BagMetadataException($"{source}: missing key '{key}'");

    public string Str(YamlNode? node, string key, string? fallback = null)
    {
        var v = BagMetadataYaml.Child(node, key);
        if (v is null)
        {
            return fallback ?? throw new BagMetadataException($"{source}: missing key '{key}'");
        }

        return v is YamlScalarNode s ? s.Value ?? "" : throw new BagMetadataException($"{source}: '{key}' is not a string");
    }

    public long Long(YamlNode? node, string key)
    {
        var s = Str(node, key);
        return long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v : throw new BagMetadataException($"{source}: '{key}' is '{s}', not an integer");
    }

    public int? Int(YamlNode? node, string key, bool optional)
    {
        if (optional && BagMetadataYaml.Child(node, key) is null)
        {
            return null;
        }

        var v = Long(node, key);
        return v is >= int.MinValue and <= int.MaxValue ? (int)v : throw new BagMetadataException($"{source}: '{key}' out of range");
    }

    public IEnumerable<YamlNode> Seq(YamlNode? node, string key) => Required(node, key) switch
    {
        YamlSequenceNode s => s.Children,
        YamlScalarNode { Value: null or "" or "~" } => [],
        _ => throw new BagMetadataException($"{source}: '{key}' is not a list"),
    };
}
