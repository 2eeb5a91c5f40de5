using System.CommandLine;
using System.Globalization;
using Apprentice.Bag.Bags;
using Apprentice.Bag.Mcap;
using Apprentice.Dds.Cyclone;
using Apprentice.Nodes.Recorder;
using Apprentice.Ros.Registry;
using Serilog;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice record</c>: records topics of ROS_DOMAIN_ID into a bag like <c>ros2 bag record</c>, with episode services.</summary>
internal static class RecordVerb
{
    public static Command Create()
    {
        var topics = new Argument<string[]>("topics") { Description = "Topics to record.", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "Bag directory to create (default rosbag2_<date>-<time>)." };
        var all = new Option<bool>("--all", "-a") { Description = "Record every discovered topic." };
        var regex = new Option<string?>("--regex", "-e") { Description = "Also record topics matching this regular expression." };
        var exclude = new Option<string?>("--exclude", "-x") { Description = "Do not record topics matching this regular expression." };
        var excludeTypes = new Option<string[]>("--exclude-types") { Description = "Do not record topics of these types.", AllowMultipleArgumentsPerToken = true };
        var storage = new Option<string>("--storage", "-s") { Description = "Storage: mcap or sqlite3.", DefaultValueFactory = _ => "mcap" };
        var compression = new Option<string>("--compression") { Description = "MCAP chunk compression: zstd, lz4 or none.", DefaultValueFactory = _ => "zstd" };
        var maxSize = new Option<long>("--max-bag-size", "-b") { Description = "Split files at this many bytes (0 = never).", DefaultValueFactory = _ => 0 };
        var maxDuration = new Option<double>("--max-bag-duration", "-d") { Description = "Split files after this many seconds (0 = never).", DefaultValueFactory = _ => 0 };
        var cache = new Option<long>("--max-cache-size") { Description = "Bytes of messages buffered before new ones are dropped (counted).", DefaultValueFactory = _ => 64L << 20 };
        var c = new Command("record", "Record topics into a bag (MCAP or sqlite3); episode services ~/start_episode, ~/stop_episode, ~/discard_episode, ~/label_episode.")
        {
            topics, output, all, regex, exclude, excludeTypes, storage, compression, maxSize, maxDuration, cache,
        };
        c.SetAction(r =>
        {
            try
            {
                var options = new RecorderOptions
                {
                    OutputDirectory = r.GetValue(output) ?? "rosbag2_" + DateTime.Now.ToString("yyyy_MM_dd-HH_mm_ss", CultureInfo.InvariantCulture),
                    All = r.GetValue(all),
                    Topics = r.GetValue(topics) ?? [],
                    IncludeRegex = r.GetValue(regex),
                    ExcludeRegex = r.GetValue(exclude),
                    ExcludeTypes = (r.GetValue(excludeTypes) ?? []).ToHashSet(StringComparer.Ordinal),
                    Writer = BagWriterOptions.Default with
                    {
                        StorageIdentifier = r.GetValue(storage)!,
                        Mcap = McapWriterOptions.Default with { Compression = ParseCompression(r.GetValue(compression)!) },
                        MaxFileSizeBytes = r.GetValue(maxSize),
                        MaxFileDuration = TimeSpan.FromSeconds(r.GetValue(maxDuration)),
                        CacheCapacityBytes = r.GetValue(cache),
                    },
                }.Validated();
                return Run(options, r.InvocationConfiguration.Output);
            }
            catch (Exception e) when (e is ArgumentException or IOException)
            {
                r.InvocationConfiguration.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return c;
    }

    internal static McapCompressionKind ParseCompression(string name) => name.ToLowerInvariant() switch
    {
        "zstd" => McapCompressionKind.Zstd,
        "lz4" => McapCompressionKind.Lz4,
        "none" or "" => McapCompressionKind.None,
        _ => throw new ArgumentException($"--compression '{name}' is not one of zstd, lz4, none."),
    };

    private static int Run(RecorderOptions options, TextWriter output)
    {
        var log = new LoggerConfiguration().MinimumLevel.Information().WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose).CreateLogger();
        var registry = InterfaceRegistry.CreateDefault(Environment.GetEnvironmentVariable("AMENT_PREFIX_PATH"), ProjectMsgFolder());
        var (cts, regs) = RosGraphSession.CancelOnSignals();
        using (cts)
        using (regs)
        using (var node = new DdsNode(new DdsNodeOptions { NodeName = "apprentice_recorder" }.WithDomainFromEnvironment(), TimeProvider.System, log))
        {
            var recorder = new RecorderNode(node, registry, options, TimeProvider.System, log);
            try
            {
                using var services = new EpisodeServices(node, recorder);
                using var controls = new RecorderServices(node, recorder);
                recorder.Start();
                output.WriteLine($"Recording to '{recorder.BagDirectory}'. Ctrl-C to stop.");
                cts.Token.WaitHandle.WaitOne();
                recorder.Close();
            }
            catch (BagWriteException e)
            {
                log.Error("{Message}", e.Message);
                return 1;
            }
            finally
            {
                recorder.Dispose();
            }

            foreach (var (topic, n) in recorder.Counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"{topic}: {n.Received} received, {n.Written} written, {n.Dropped} dropped");
            }

            return 0;
        }
    }

    // The project's own .msg files: installed under share/apprentice/msg, or msg/ of a source checkout.
    private static string? ProjectMsgFolder()
    {
        var installed = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "share", "apprentice", "msg"));
        if (Directory.Exists(installed))
        {
            return installed;
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "msg", "EpisodeEvent.msg")))
            {
                return Path.Combine(dir.FullName, "msg");
            }
        }

        return null;
    }
}
