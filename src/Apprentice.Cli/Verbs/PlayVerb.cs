using System.CommandLine;
using System.Globalization;
using Apprentice.Bag.Bags;
using Apprentice.Cli.RosArgs;
using Apprentice.Dds.Cyclone;
using Apprentice.Nodes.Player;
using Serilog;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice play &lt;bag&gt;</c>: replays a bag onto ROS_DOMAIN_ID like <c>ros2 bag play</c>.</summary>
internal static class PlayVerb
{
    public static Command Create()
    {
        var bag = new Argument<string>("bag") { Description = "Bag directory or storage file." };
        var rate = new Option<double>("--rate", "-r") { Description = "Playback speed factor (2 = twice as fast).", DefaultValueFactory = _ => 1.0 };
        var loop = new Option<bool>("--loop", "-l") { Description = "Play again from the start when the bag ends, until Ctrl-C." };
        var offset = new Option<double>("--start-offset") { Description = "Seconds of the bag to skip at the start.", DefaultValueFactory = _ => 0 };
        var clock = new Option<double?>("--clock")
        {
            Description = $"Publish /clock (bag time) at HZ, default {PlayerOptions.DefaultClockHz} Hz when given without a value.",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = r =>
            {
                if (r.Tokens.Count == 0)
                {
                    return PlayerOptions.DefaultClockHz;
                }

                if (double.TryParse(r.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var hz))
                {
                    return hz;
                }

                r.AddError($"--clock takes a rate in Hz (got '{r.Tokens[0].Value}').");
                return null;
            },
        };
        var topics = new Option<string[]>("--topics") { Description = "Only these topics.", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string?>("--exclude", "-x") { Description = "Regular expression of topics not to play." };
        var remap = new Option<string[]>("--remap", "-m") { Description = "Publish a topic under another name: from:=to (repeatable).", AllowMultipleArgumentsPerToken = true };
        var readAhead = new Option<int>("--read-ahead") { Description = "Messages read ahead of playback (0 = read inline).", DefaultValueFactory = _ => 1000 };
        var delay = new Option<double>("--delay", "-d") { Description = "Seconds to wait after creating the publishers (for discovery) before playing.", DefaultValueFactory = _ => 0.5 };
        var startPaused = new Option<bool>("--start-paused") { Description = "Start paused; ~/resume or ~/play_next go on." };
        var c = new Command("play", "Replay a bag as node 'player': original QoS, rate, loop, /clock, topic filters and remaps; rosbag2's ~/pause, ~/resume, " +
            "~/toggle_paused, ~/is_paused, ~/play_next, ~/set_rate, ~/get_rate. Accepts --ros-args (-r __node:=, -r __ns:=, -p, " +
            "--params-file config/player.yaml, --log-level); flags override parameters.")
        {
            bag, rate, loop, offset, clock, topics, exclude, remap, readAhead, delay, startPaused,
        };
        c.SetAction(r =>
        {
            try
            {
                var ros = RosCommandLine.For(PlayerParameters.NodeName);
                var o = ros.Bind(PlayerParameters.Binder, PlayerOptions.Default);
                o = o with
                {
                    Rate = r.WasGiven(rate) ? r.GetValue(rate) : o.Rate,
                    Loop = r.WasGiven(loop) ? r.GetValue(loop) : o.Loop,
                    StartOffset = r.WasGiven(offset) ? TimeSpan.FromSeconds(r.GetValue(offset)) : o.StartOffset,
                    ClockHz = r.GetValue(clock) ?? o.ClockHz,
                    Topics = r.GetValue(topics) is { Length: > 0 } t ? t.ToHashSet(StringComparer.Ordinal) : o.Topics,
                    ExcludeRegex = r.GetValue(exclude) ?? o.ExcludeRegex,
                    Remaps = r.GetValue(remap) is { Length: > 0 } m ? ParseRemaps(m) : o.Remaps,
                    ReadAheadMessages = r.WasGiven(readAhead) ? r.GetValue(readAhead) : o.ReadAheadMessages,
                    StartPaused = r.WasGiven(startPaused) ? r.GetValue(startPaused) : o.StartPaused,
                };
                return Run(r.GetValue(bag)!, o, ros, TimeSpan.FromSeconds(r.GetValue(delay)), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            }
            catch (Exception e) when (e is ArgumentException or OverflowException)
            {
                r.InvocationConfiguration.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return c;
    }

    /// <summary>Parses <c>from:=to</c> pairs.</summary>
    /// <exception cref="ArgumentException">A pair lacks <c>:=</c>.</exception>
    internal static Dictionary<string, string> ParseRemaps(IEnumerable<string> pairs) => PlayerParameters.ParseRemaps(pairs);

    private static int Run(string path, PlayerOptions options, RosNode ros, TimeSpan delay, TextWriter output, TextWriter error)
    {
        try
        {
            options = options.Validated();
            using var bag = BagReader.Open(path);
            var (cts, regs) = RosGraphSession.CancelOnSignals();
            using (cts)
            using (regs)
            using (var node = new DdsNode(ros.NodeOptions(), TimeProvider.System, Log(ros)))
            using (var player = new BagPlayer(bag, node, options, TimeProvider.System, Log(ros)))
            using (new PlayerServices(node, player))
            {
                output.WriteLine($"Playing {bag.MessageCount} messages on {player.TopicQos.Count} topic(s) from '{path}' at rate {options.Rate.ToString(CultureInfo.InvariantCulture)}.");
                cts.Token.WaitHandle.WaitOne(delay);
                player.PlayAsync(cts.Token).GetAwaiter().GetResult();
                output.WriteLine($"Published {player.PublishedCount} messages.");
                return 0;
            }
        }
        catch (Exception e) when (e is ArgumentException or IOException or Apprentice.Bag.Metadata.BagMetadataException)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }

    private static Serilog.ILogger Log(RosNode ros) =>
        new Serilog.LoggerConfiguration().MinimumLevel.Is(ros.LogLevel(Serilog.Events.LogEventLevel.Warning))
            .WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose).CreateLogger();
}
