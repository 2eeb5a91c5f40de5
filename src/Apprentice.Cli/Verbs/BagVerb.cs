using System.CommandLine;
using Apprentice.Bag.Bags;
using Apprentice.Bag.Decoding;
using Apprentice.Bag.Mcap;
using Apprentice.Bag.Metadata;
using Apprentice.Bag.Storage;
using Apprentice.Ros.Dynamic;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice bag info|reindex|convert</c>: thin verbs over <c>Apprentice.Bag</c>.</summary>
internal static class BagVerb
{
    public static Command Create()
    {
        var bag = new Command("bag", "Inspect, repair and convert rosbag2 bags (MCAP and sqlite3).");
        bag.Subcommands.Add(Info());
        bag.Subcommands.Add(Echo());
        bag.Subcommands.Add(Reindex());
        bag.Subcommands.Add(Convert());
        return bag;
    }

    private static Command Info()
    {
        var path = new Argument<string>("bag") { Description = "Bag directory or a single .mcap/.db3 file." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command("info", "Duration, start/end, size, storage and per-topic type, count and QoS (like ros2 bag info).");
        command.Arguments.Add(path);
        command.Options.Add(json);
        command.SetAction(parse => Guard(() =>
        {
            using var reader = BagReader.Open(parse.GetValue(path)!);
            Console.Write(parse.GetValue(json) ? BagInfo.Json(reader) + "\n" : BagInfo.Text(reader));
        }));
        return command;
    }

    private static Command Echo()
    {
        var path = new Argument<string>("bag") { Description = "Bag directory or a single .mcap/.db3 file." };
        var topic = new Option<string>("--topic") { Description = "Topic to print, e.g. /chatter.", Required = true };
        var count = new Option<long>("--count") { Description = "Stop after this many messages (default: all).", DefaultValueFactory = _ => long.MaxValue };
        var json = new Option<bool>("--json") { Description = "One JSON object per line ({topic, recv_time_ns, message}) instead of YAML." };
        var schemasFrom = new Option<string?>("--schemas-from")
        {
            Description = "Another bag or storage file whose schemas replace missing or placeholder ones (e.g. the .mcap twin of a .db3).",
        };
        var command = new Command("echo", "Print a topic's messages decoded with the bag's own schemas (YAML like ros2 topic echo, or JSON lines).");
        command.Arguments.Add(path);
        command.Options.Add(topic);
        command.Options.Add(count);
        command.Options.Add(json);
        command.Options.Add(schemasFrom);
        command.SetAction(parse => Guard(() =>
        {
            using var reader = BagReader.Open(parse.GetValue(path)!);
            var name = parse.GetValue(topic)!;
            var extraPath = parse.GetValue(schemasFrom);
            using var extra = extraPath is null ? null : BagReader.Open(extraPath);
            // The registry (embedded + a sourced ROS 2 installation) only fills what the bag lacks.
            var registry = Apprentice.Ros.Registry.InterfaceRegistry.CreateDefault(Environment.GetEnvironmentVariable("AMENT_PREFIX_PATH"));
            var decoder = BagMessageDecoder.For(reader, registry, extra?.Definitions.Values);
            var type = decoder.ForTopic(name);
            if (type.Source != BagDefinitionSource.Bag)
            {
                var from = type.Source == BagDefinitionSource.Extra ? "--schemas-from" : "registry";
                Console.Error.WriteLine($"note: decoding {type.TypeName} with the {from} definition" + (type.Note.Length > 0 ? $" ({type.Note})" : ""));
            }

            var limit = parse.GetValue(count);
            var asJson = parse.GetValue(json);
            var filter = new BagReadFilter { Topics = new HashSet<string>(StringComparer.Ordinal) { name } };
            // Console.Out (not the raw stream) so a caller that redirects it — tests, a host — gets the output.
            var stdout = Console.Out;
            foreach (var message in reader.ReadMessages(filter).Take((int)Math.Min(limit, int.MaxValue)))
            {
                var decoded = decoder.Decode(message);
                if (asJson)
                {
                    stdout.WriteLine(FormattableString.Invariant(
                        $"{{\"topic\":{System.Text.Json.JsonSerializer.Serialize(name)},\"recv_time_ns\":{message.RecvTimestampNs},\"message\":{DynamicJsonWriter.Write(decoded)}}}"));
                }
                else
                {
                    stdout.Write(DynamicYamlWriter.Write(decoded));
                    stdout.WriteLine("---");
                }
            }
        }));
        return command;
    }

    private static Command Reindex()
    {
        var path = new Argument<string>("dir") { Description = "Bag directory whose writer died (SIGKILL, power loss)." };
        var command = new Command("reindex", "Rebuild metadata.yaml and missing MCAP summaries from the storage files.");
        command.Arguments.Add(path);
        command.SetAction(parse => Guard(() =>
        {
            var result = BagReindexer.Reindex(parse.GetValue(path)!, new Progress<string>(Console.Error.WriteLine));
            Console.WriteLine($"reindexed {result.Files.Count} file(s), rewrote {result.Rewritten.Count}, " +
                              $"{result.Metadata.MessageCount} messages");
        }));
        return command;
    }

    private static Command Convert()
    {
        var input = new Argument<string>("in") { Description = "Bag directory or storage file to read." };
        var output = new Argument<string>("out") { Description = "New bag directory to write (must not exist)." };
        var storage = new Option<string>("--storage") { Description = "mcap (default) or sqlite3.", DefaultValueFactory = _ => "mcap" };
        var compression = new Option<string>("--compression") { Description = "MCAP chunk compression: none, lz4 or zstd (default).", DefaultValueFactory = _ => "zstd" };
        var command = new Command("convert", "Rewrite a bag into another storage/compression; a split bag becomes one file.");
        command.Arguments.Add(input);
        command.Arguments.Add(output);
        command.Options.Add(storage);
        command.Options.Add(compression);
        command.SetAction(parse => Guard(() =>
        {
            var options = BagWriterOptions.Default with
            {
                StorageIdentifier = parse.GetValue(storage)!,
                Mcap = McapWriterOptions.Default with { Compression = McapCompression.Parse(parse.GetValue(compression)!) },
            };
            var n = BagConverter.Convert(parse.GetValue(input)!, parse.GetValue(output)!, options,
                new Progress<long>(c => Console.Error.WriteLine($"{c} messages…")));
            Console.WriteLine($"wrote {n} messages to {parse.GetValue(output)}");
        }));
        return command;
    }

    private static int Guard(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is IOException or BagMetadataException or BagDecodeException or ArgumentException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
    }
}
