using System.CommandLine;
using System.Globalization;
using Apprentice.Bag.Bags;
using Apprentice.Bag.Mcap;
using Apprentice.Cli.RosArgs;
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
        var cache = new Option<long>("--max-cache-size") { Description = "Bytes of messages buffered before new ones are dropped (counted); the window in snapshot mode.", DefaultValueFactory = _ => 64L << 20 };
        var snapshot = new Option<bool>("--snapshot-mode") { Description = "Keep only the last --max-cache-size bytes in memory and write them on ~/snapshot." };
        var c = new Command("record", "Record topics into a bag (MCAP or sqlite3) as node 'recorder': episode services ~/start_episode, ~/stop_episode, " +
            "~/discard_episode, ~/label_episode; rosbag2's ~/pause, ~/resume, ~/is_paused, ~/split_bagfile, ~/snapshot; /diagnostics. " +
            "Accepts --ros-args (-r __node:=, -r __ns:=, -p, --params-file config/recorder.yaml, --log-level); flags override parameters.")
        {
            topics, output, all, regex, exclude, excludeTypes, storage, compression, maxSize, maxDuration, cache, snapshot,
        };
        c.SetAction(r =>
        {
            try
            {
                var ros = RosCommandLine.For(RecorderParameters.NodeName);
                var o = ros.Bind(RecorderParameters.Binder, new RecorderOptions
                {
                    OutputDirectory = "rosbag2_" + DateTime.Now.ToString("yyyy_MM_dd-HH_mm_ss", CultureInfo.InvariantCulture),
                    Writer = BagWriterOptions.Default with { RosDistro = Environment.GetEnvironmentVariable("ROS_DISTRO") ?? "" },
                });
                var w = o.Writer;
                o = o with
                {
                    OutputDirectory = r.GetValue(output) ?? o.OutputDirectory,
                    All = r.WasGiven(all) ? r.GetValue(all) : o.All,
                    Topics = r.GetValue(topics) is { Length: > 0 } t ? t : o.Topics,
                    IncludeRegex = r.GetValue(regex) ?? o.IncludeRegex,
                    ExcludeRegex = r.GetValue(exclude) ?? o.ExcludeRegex,
                    ExcludeTypes = r.GetValue(excludeTypes) is { Length: > 0 } x ? x.ToHashSet(StringComparer.Ordinal) : o.ExcludeTypes,
                    Writer = w with
                    {
                        StorageIdentifier = r.WasGiven(storage) ? r.GetValue(storage)! : w.StorageIdentifier,
                        Mcap = r.WasGiven(compression) ? w.Mcap with { Compression = ParseCompression(r.GetValue(compression)!) } : w.Mcap,
                        MaxFileSizeBytes = r.WasGiven(maxSize) ? r.GetValue(maxSize) : w.MaxFileSizeBytes,
                        MaxFileDuration = r.WasGiven(maxDuration) ? TimeSpan.FromSeconds(r.GetValue(maxDuration)) : w.MaxFileDuration,
                        CacheCapacityBytes = r.WasGiven(cache) ? r.GetValue(cache) : w.CacheCapacityBytes,
                        SnapshotMode = r.WasGiven(snapshot) ? r.GetValue(snapshot) : w.SnapshotMode,
                    },
                };
                return Run(o.Validated(), ros, r.InvocationConfiguration.Output);
            }
            catch (Exception e) when (e is ArgumentException or IOException or OverflowException)
            {
                r.InvocationConfiguration.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return c;
    }

    internal static McapCompressionKind ParseCompression(string name) => RecorderParameters.Compression(name);

    private static int Run(RecorderOptions options, RosNode ros, TextWriter output)
    {
        var log = new LoggerConfiguration().MinimumLevel.Is(ros.LogLevel()).WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose).CreateLogger();
        var registry = InterfaceRegistry.CreateDefault(Environment.GetEnvironmentVariable("AMENT_PREFIX_PATH"), ProjectMsgFolder());
        var (cts, regs) = RosGraphSession.CancelOnSignals();
        using (cts)
        using (regs)
        using (var node = new DdsNode(ros.NodeOptions(), TimeProvider.System, log))
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
        // lib/apprentice/dotnet/ in the CMake install (share/ is three levels up); two levels for older layouts.
        foreach (var up in new[] { "../../..", "../.." })
        {
            var installed = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, up, "share", "apprentice", "msg"));
            if (File.Exists(Path.Combine(installed, "EpisodeEvent.msg")))
            {
                return installed;
            }
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
