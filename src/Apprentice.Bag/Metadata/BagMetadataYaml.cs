using System.Globalization;
using System.Text;
using Apprentice.Bag.Storage;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Apprentice.Bag.Metadata;

/// <summary>
/// Reads metadata.yaml versions 4–9 and writes version 8.
/// </summary>
/// <remarks>
/// Why version 8 with integer-form QoS strings: neither Humble nor Jazzy checks <c>version</c>;
/// both require keys by version (storage_identifier, duration, starting_time, message_count,
/// relative_file_paths, topics_with_message_count always; compression ≥3; per-topic
/// offered_qos_profiles ≥4; files ≥5) and ignore unknown keys. Jazzy additionally requires
/// custom_data (≥6), per-topic type_description_hash (≥7) and ros_distro (≥8), so a Humble-style
/// version 5 without them is also fine but we want those fields. Version 9 turns
/// offered_qos_profiles into a YAML list with enum names, which Humble cannot read ("bad
/// conversion", ros2/rosbag2#2013, #1895); Jazzy reads 4–8 as a string and accepts integer enums
/// there. Humble reads history/reliability/durability/liveliness only as integers. Hence: version 8,
/// QoS as a string with integer enums, custom_data, ros_distro and type_description_hash present.
/// (humble rosbag2_storage/metadata_io.cpp, rosbag2_transport/qos.cpp; jazzy rosbag2_storage yaml.hpp, qos.cpp.)
/// </remarks>
public static class BagMetadataYaml
{
    /// <summary>The version this writer emits.</summary>
    public const int WriteVersion = 8;

    /// <summary>File name of the bag metadata inside a bag directory.</summary>
    public const string FileName = "metadata.yaml";

    /// <summary>Deepest collection nesting accepted; real metadata nests 6 levels.</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>Largest metadata.yaml file read, in bytes (real ones are a few KiB).</summary>
    public const long MaxFileBytes = 64L << 20;

    private const string Root = "rosbag2_bagfile_information";

    /// <summary>Reads metadata.yaml text (with or without the <c>rosbag2_bagfile_information</c> root).</summary>
    /// <param name="yaml">The text.</param>
    /// <param name="source">File name for error messages.</param>
    /// <exception cref="BagMetadataException">Not YAML, a required key missing, or a value of the wrong type.</exception>
    public static BagMetadata Read(string yaml, string source = FileName)
    {
        YamlMappingNode doc;
        try
        {
            RefuseDeepNesting(yaml, source);
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            doc = stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode m
                ? m : throw new BagMetadataException($"{source}: not a YAML mapping");
        }
        catch (YamlException e)
        {
            throw new BagMetadataException($"{source}: invalid YAML at {e.Start}: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these (not YamlException) on some malformed input: the scanner on
            // broken flow scalars, the representation model on unexpected events.
            throw new BagMetadataException($"{source}: invalid YAML: {e.Message}", e);
        }

        var info = Child(doc, Root) as YamlMappingNode ?? doc;
        var r = new NodeReader(source);
        var version = r.Int(info, "version", optional: true) ?? 1;
        var files = Child(info, "files") is YamlSequenceNode fs
            ? fs.Children.Select(f => new BagFileInformation(
                r.Str(f, "path"), r.Long(Child(f, "starting_time"), "nanoseconds_since_epoch"),
                r.Long(Child(f, "duration"), "nanoseconds"), r.Long(f, "message_count"))).ToList()
            : [];
        return new BagMetadata
        {
            Version = version,
            StorageIdentifier = r.Str(info, "storage_identifier"),
            DurationNs = r.Long(r.Required(info, "duration"), "nanoseconds"),
            StartingTimeNs = r.Long(r.Required(info, "starting_time"), "nanoseconds_since_epoch"),
            MessageCount = r.Long(info, "message_count"),
            Topics = r.Seq(info, "topics_with_message_count").Select(t => ReadTopic(r, t)).ToList(),
            CompressionFormat = r.Str(info, "compression_format", ""),
            CompressionMode = r.Str(info, "compression_mode", ""),
            RelativeFilePaths = r.Seq(info, "relative_file_paths").Select(p => Scalar(p, source, "relative_file_paths entry")).ToList(),
            Files = files,
            CustomData = ReadCustomData(Child(info, "custom_data"), source),
            RosDistro = r.Str(info, "ros_distro", ""),
        };
    }

    /// <summary>Reads a metadata.yaml file.</summary>
    /// <exception cref="BagMetadataException">See <see cref="Read"/>.</exception>
    public static BagMetadata ReadFile(string path)
    {
        var length = new FileInfo(path).Length;
        return length <= MaxFileBytes ? Read(File.ReadAllText(path), path)
            : throw new BagMetadataException($"{path}: {length} bytes is too large for a metadata.yaml (limit {MaxFileBytes}); run `apprentice bag reindex` to rebuild it.");
    }

    private static string Scalar(YamlNode node, string source, string what) =>
        node is YamlScalarNode s ? s.Value ?? "" : throw new BagMetadataException($"{source}: {what} at {node.Start} is not a string");

    // custom_data is a map of strings; a non-scalar value is kept as empty rather than refused
    // (it carries no meaning for playback), a non-scalar key is refused.
    private static Dictionary<string, string> ReadCustomData(YamlNode? node, string source)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                result[Scalar(key, source, "custom_data key")] = (value as YamlScalarNode)?.Value ?? "";
            }
        }

        return result;
    }

    // YamlDotNet's representation model builds nested collections recursively, so a hostile
    // "[[[[…" overflows the stack (uncatchable). The event parser is iterative: count depth first.
    private static void RefuseDeepNesting(string yaml, string source)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart when ++depth > MaxNestingDepth:
                    throw new BagMetadataException($"{source}: collections nested deeper than {MaxNestingDepth} levels at {parser.Current.Start}");
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    private static TopicInformation ReadTopic(NodeReader r, YamlNode entry)
    {
        var tm = r.Required(entry, "topic_metadata");
        var qos = Child(tm, "offered_qos_profiles") switch
        {
            YamlSequenceNode list => QosProfiles.ToIntegerForm(list),
            YamlScalarNode s => s.Value ?? "",
            _ => "",
        };
        var topic = new BagTopic(r.Str(tm, "name"), r.Str(tm, "type"), r.Str(tm, "serialization_format", "cdr"), qos,
            r.Str(tm, "type_description_hash", ""));
        return new TopicInformation(topic, r.Long(entry, "message_count"));
    }

    internal static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    /// <summary>Writes version 8 text, with the <c>rosbag2_bagfile_information</c> root unless <paramref name="withRoot"/> is false (MCAP's embedded copy has none).</summary>
    public static string Write(BagMetadata m, bool withRoot = true)
    {
        var sb = new StringBuilder();
        var i = withRoot ? "  " : "";
        if (withRoot)
        {
            sb.Append(Root).Append(":\n");
        }

        sb.Append(i).Append("version: ").Append(WriteVersion).Append('\n');
        sb.Append(i).Append("storage_identifier: ").Append(Q(m.StorageIdentifier)).Append('\n');
        sb.Append(i).Append("duration:\n").Append(i).Append("  nanoseconds: ").Append(N(m.DurationNs)).Append('\n');
        sb.Append(i).Append("starting_time:\n").Append(i).Append("  nanoseconds_since_epoch: ").Append(N(m.StartingTimeNs)).Append('\n');
        sb.Append(i).Append("message_count: ").Append(N(m.MessageCount)).Append('\n');
        sb.Append(i).Append("topics_with_message_count:").Append(m.Topics.Count == 0 ? " []\n" : "\n");
        foreach (var t in m.Topics)
        {
            sb.Append(i).Append("  - topic_metadata:\n");
            sb.Append(i).Append("      name: ").Append(Q(t.Topic.Name)).Append('\n');
            sb.Append(i).Append("      type: ").Append(Q(t.Topic.Type)).Append('\n');
            sb.Append(i).Append("      serialization_format: ").Append(Q(t.Topic.SerializationFormat)).Append('\n');
            sb.Append(i).Append("      offered_qos_profiles: ").Append(Q(t.Topic.OfferedQosProfiles)).Append('\n');
            sb.Append(i).Append("      type_description_hash: ").Append(Q(t.Topic.TypeDescriptionHash)).Append('\n');
            sb.Append(i).Append("    message_count: ").Append(N(t.MessageCount)).Append('\n');
        }

        sb.Append(i).Append("compression_format: ").Append(Q(m.CompressionFormat)).Append('\n');
        sb.Append(i).Append("compression_mode: ").Append(Q(m.CompressionMode)).Append('\n');
        sb.Append(i).Append("relative_file_paths:").Append(m.RelativeFilePaths.Count == 0 ? " []\n" : "\n");
        foreach (var p in m.RelativeFilePaths)
        {
            sb.Append(i).Append("  - ").Append(Q(p)).Append('\n');
        }

        sb.Append(i).Append("files:").Append(m.Files.Count == 0 ? " []\n" : "\n");
        foreach (var f in m.Files)
        {
            sb.Append(i).Append("  - path: ").Append(Q(f.Path)).Append('\n');
            sb.Append(i).Append("    starting_time:\n").Append(i).Append("      nanoseconds_since_epoch: ").Append(N(f.StartingTimeNs)).Append('\n');
            sb.Append(i).Append("    duration:\n").Append(i).Append("      nanoseconds: ").Append(N(f.DurationNs)).Append('\n');
            sb.Append(i).Append("    message_count: ").Append(N(f.MessageCount)).Append('\n');
        }

        sb.Append(i).Append("custom_data:").Append(m.CustomData.Count == 0 ? " {}\n" : "\n");
        foreach (var (k, v) in m.CustomData.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(i).Append("  ").Append(Q(k)).Append(": ").Append(Q(v)).Append('\n');
        }

        sb.Append(i).Append("ros_distro: ").Append(Q(m.RosDistro)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Writes metadata.yaml atomically (temp file + rename) so a crash never leaves half a file.</summary>
    public static void WriteFile(string path, BagMetadata metadata)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, Write(metadata), new UTF8Encoding(false));
        File.Move(tmp, path, overwrite: true);
    }

    private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Double-quoted YAML scalar; always quoted so no value can be misread as another type.</summary>
    private static string Q(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        for (var k = 0; k < s.Length; k++)
        {
            var c = s[k];
            if (char.IsHighSurrogate(c) && k + 1 < s.Length && char.IsLowSurrogate(s[k + 1]))
            {
                sb.Append(c).Append(s[++k]); // a valid pair is written as UTF-8
                continue;
            }

            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    // YAML forbids raw C0/C1 controls, DEL and the non-characters; escape them.
                    if (c < 0x20 || c is >= '\u007f' and <= '\u009f' or '\ufffe' or '\uffff' || char.IsSurrogate(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
