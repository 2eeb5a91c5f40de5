using System.CommandLine;
using System.Globalization;
using Apprentice.Bag.Bags;
using Apprentice.Nodes.Player;

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
        var c = new Command("play", "Replay a bag: original QoS, rate, loop, /clock, topic filters and remaps.") { bag, rate, loop, offset, clock, topics, exclude, remap, readAhead, delay };
        c.SetAction(r =>
        {
            var options = new PlayerOptions
            {
                Rate = r.GetValue(rate),
                Loop = r.GetValue(loop),
                StartOffset = TimeSpan.FromSeconds(r.GetValue(offset)),
                ClockHz = r.GetValue(clock) ?? 0,
                Topics = r.GetValue(topics) is { Length: > 0 } t ? t.ToHashSet(StringComparer.Ordinal) : null,
                ExcludeRegex = r.GetValue(exclude),
                Remaps = ParseRemaps(r.GetValue(remap) ?? []),
                ReadAheadMessages = r.GetValue(readAhead),
            };
            return Run(r.GetValue(bag)!, options, TimeSpan.FromSeconds(r.GetValue(delay)), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
        });
        return c;
    }

    /// <summary>Parses <c>from:=to</c> pairs.</summary>
    /// <exception cref="ArgumentException">A pair lacks <c>:=</c>.</exception>
    internal static Dictionary<string, string> ParseRemaps(IEnumerable<string> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in pairs)
        {
            var cut = p.IndexOf(":=", StringComparison.Ordinal);
            if (cut <= 0 || cut + 2 >= p.Length)
            {
                throw new ArgumentException($"--remap '{p}' must look like /from:=/to.");
            }

            map[p[..cut]] = p[(cut + 2)..];
        }

        return map;
    }

    private static int Run(string path, PlayerOptions options, TimeSpan delay, TextWriter output, TextWriter error)
    {
        try
        {
            options = options.Validated();
            using var bag = BagReader.Open(path);
            var (cts, regs) = RosGraphSession.CancelOnSignals();
            using (cts)
            using (regs)
            using (var node = RosGraphSession.CreateNode())
            using (var player = new BagPlayer(bag, node, options, TimeProvider.System, Serilog.Log.Logger))
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
}
