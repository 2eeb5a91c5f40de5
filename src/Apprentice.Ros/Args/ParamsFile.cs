using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Apprentice.Ros.Args;

/// <summary>
/// A ROS 2 parameter file: top-level keys are node names (<c>/**</c>, <c>talker</c>,
/// <c>/ns/talker</c>, with <c>*</c> and <c>/**</c> wildcards), each holding <c>ros__parameters</c>;
/// nested mappings flatten to dotted names. Immutable.
/// </summary>
public sealed partial class ParamsFile
{
    private readonly List<(string Pattern, Regex Match, Dictionary<string, RosParameterValue> Values)> _blocks;

    private ParamsFile(string path, List<(string, Regex, Dictionary<string, RosParameterValue>)> blocks)
    {
        Path = path;
        _blocks = blocks;
    }

    /// <summary>Where the file was read from.</summary>
    public string Path { get; }

    /// <summary>The node-name keys, in file order.</summary>
    public IReadOnlyList<string> NodePatterns => _blocks.Select(b => b.Pattern).ToList();

    /// <summary>Reads and parses a parameter file.</summary>
    /// <exception cref="RosArgumentException">Missing file, bad YAML, or a block without <c>ros__parameters</c>; the message names the file.</exception>
    public static ParamsFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new RosArgumentException($"Parameter file '{path}' does not exist.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses parameter-file text; <paramref name="path"/> only names it in errors.</summary>
    public static ParamsFile Parse(string yaml, string path)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new RosArgumentException($"Parameter file '{path}' is not valid YAML: {e.Message}", e);
        }

        var blocks = new List<(string, Regex, Dictionary<string, RosParameterValue>)>();
        if (stream.Documents.Count == 0)
        {
            return new ParamsFile(path, blocks);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new RosArgumentException($"Parameter file '{path}': the top level must map node names to 'ros__parameters'.");
        }

        foreach (var (key, value) in root.Children)
        {
            var pattern = ((YamlScalarNode)key).Value ?? string.Empty;
            var parameters = FindParameters(value, pattern, path, out var fullPattern);
            var values = new Dictionary<string, RosParameterValue>(StringComparer.Ordinal);
            Flatten(parameters, string.Empty, values, path);
            blocks.Add((fullPattern, ToRegex(fullPattern), values));
        }

        return new ParamsFile(path, blocks);
    }

    /// <summary>Parameters for the node with this fully-qualified name; later blocks override earlier ones.</summary>
    public IReadOnlyDictionary<string, RosParameterValue> For(string nodeFullyQualifiedName)
    {
        var result = new Dictionary<string, RosParameterValue>(StringComparer.Ordinal);
        foreach (var (_, match, values) in _blocks)
        {
            if (match.IsMatch(nodeFullyQualifiedName))
            {
                foreach (var kv in values)
                {
                    result[kv.Key] = kv.Value;
                }
            }
        }

        return result;
    }

    // "ns: { node: { ros__parameters: … } }" nests namespaces the way rcl accepts.
    private static YamlMappingNode FindParameters(YamlNode value, string pattern, string path, out string fullPattern)
    {
        fullPattern = pattern.StartsWith('/') ? pattern : "/" + pattern;
        if (value is not YamlMappingNode map)
        {
            throw new RosArgumentException($"Parameter file '{path}': '{pattern}' must hold a mapping with 'ros__parameters'.");
        }

        if (map.Children.TryGetValue(new YamlScalarNode("ros__parameters"), out var p))
        {
            return p as YamlMappingNode ?? throw new RosArgumentException($"Parameter file '{path}': '{pattern}/ros__parameters' must be a mapping.");
        }

        if (map.Children.Count == 1 && map.Children.First().Key is YamlScalarNode inner)
        {
            var nested = FindParameters(map.Children.First().Value, inner.Value ?? string.Empty, path, out var innerPattern);
            fullPattern = (fullPattern == "/" ? string.Empty : fullPattern) + innerPattern;
            return nested;
        }

        throw new RosArgumentException($"Parameter file '{path}': node '{pattern}' has no 'ros__parameters' key.");
    }

    private static void Flatten(YamlMappingNode map, string prefix, Dictionary<string, RosParameterValue> into, string path)
    {
        foreach (var (k, v) in map.Children)
        {
            var name = prefix + (((YamlScalarNode)k).Value ?? string.Empty);
            if (v is YamlMappingNode child)
            {
                Flatten(child, name + ".", into, path);
            }
            else
            {
                into[name] = RosParameterValue.FromNode(v, $"Parameter file '{path}', parameter '{name}'");
            }
        }
    }

    private static Regex ToRegex(string pattern)
    {
        // "/**" matches any number of namespace tokens (including none), "*" exactly one token.
        var sb = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (string.CompareOrdinal(pattern, i, "/**", 0, 3) == 0)
            {
                sb.Append("(/[A-Za-z0-9_]+)*");
                i += 2;
            }
            else if (pattern[i] == '*')
            {
                sb.Append("[A-Za-z0-9_]+");
            }
            else
            {
                sb.Append(Regex.Escape(pattern[i].ToString()));
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
