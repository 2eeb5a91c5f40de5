using System.CommandLine;
using System.Globalization;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Qos;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice topic list|info|echo|pub|hz</c>: inspect a ROS 2 graph without ROS installed.</summary>
internal static class TopicVerb
{
    public static Command Create()
    {
        var command = new Command("topic", "Inspect ROS 2 topics on ROS_DOMAIN_ID (like 'ros2 topic').");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Info());
        command.Subcommands.Add(TopicEchoVerb.Create());
        command.Subcommands.Add(TopicPubVerb.Create());
        command.Subcommands.Add(Hz());
        return command;
    }

    private static Option<double> SpinTime() => new("--spin-time") { Description = "Seconds to wait for discovery before answering.", DefaultValueFactory = _ => 1.5 };

    private static Command List()
    {
        var types = new Option<bool>("--show-types", "-t") { Description = "Also print each topic's type." };
        var hidden = new Option<bool>("--include-hidden-topics") { Description = "Also list topics whose names have a token starting with '_'." };
        var spin = SpinTime();
        var c = new Command("list", "List the topics that have publishers or subscriptions.") { types, hidden, spin };
        c.SetAction(r =>
        {
            using var node = RosGraphSession.CreateNode();
            Thread.Sleep(TimeSpan.FromSeconds(r.GetValue(spin)));
            WriteList(node, r.GetValue(types), r.GetValue(hidden), r.InvocationConfiguration.Output);
            return 0;
        });
        return c;
    }

    /// <summary>Prints topics like <c>ros2 topic list [-t]</c>.</summary>
    internal static void WriteList(ITransport node, bool showTypes, bool includeHidden, TextWriter output)
    {
        foreach (var (topic, types) in TopicGraph.TopicNamesAndTypes(node.DiscoveredEndpoints()))
        {
            if (!includeHidden && topic.Split('/').Any(t => t.StartsWith('_')))
            {
                continue;
            }

            output.WriteLine(showTypes ? $"{topic} [{string.Join(", ", types)}]" : topic);
        }
    }

    private static Command Info()
    {
        var topic = new Argument<string>("topic") { Description = "Topic name, e.g. /joint_states." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also list every endpoint with its QoS." };
        var spin = SpinTime();
        var c = new Command("info", "Print a topic's type and publisher/subscription counts.") { topic, verbose, spin };
        c.SetAction(r =>
        {
            using var node = RosGraphSession.CreateNode();
            Thread.Sleep(TimeSpan.FromSeconds(r.GetValue(spin)));
            WriteInfo(node, r.GetValue(topic)!, r.GetValue(verbose), r.InvocationConfiguration.Output);
            return 0;
        });
        return c;
    }

    /// <summary>Prints like <c>ros2 topic info [-v]</c>.</summary>
    internal static void WriteInfo(ITransport node, string topic, bool verbose, TextWriter output)
    {
        var endpoints = node.DiscoveredEndpoints().Where(e => e.RosTopic == topic).ToList();
        var types = endpoints.Select(e => e.RosType ?? e.DdsType).Distinct().Order(StringComparer.Ordinal);
        output.WriteLine($"Type: {string.Join(", ", types)}");
        foreach (var kind in new[] { EndpointKind.Publisher, EndpointKind.Subscription })
        {
            var some = endpoints.Where(e => e.Kind == kind).ToList();
            output.WriteLine($"{(kind == EndpointKind.Publisher ? "Publisher" : "Subscription")} count: {some.Count}");
            if (verbose)
            {
                foreach (var e in some)
                {
                    output.WriteLine($"  Endpoint gid: {e.Gid}  participant: {e.ParticipantGid}  QoS: {e.Qos}");
                }
            }
        }
    }

    private static Command Hz()
    {
        var topic = new Argument<string>("topic") { Description = "Topic name." };
        var window = new Option<int>("--window", "-w") { Description = "Messages in the rate window.", DefaultValueFactory = _ => 10000 };
        var c = new Command("hz", "Print the average publishing rate of a topic once a second.") { topic, window };
        c.SetAction(r =>
        {
            var (cts, regs) = RosGraphSession.CancelOnSignals();
            using (cts)
            using (regs)
            using (var node = RosGraphSession.CreateNode())
            {
                return RunHz(node, r.GetValue(topic)!, r.GetValue(window), TimeProvider.System, TimeSpan.FromSeconds(1), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, cts.Token);
            }
        });
        return c;
    }

    /// <summary>Prints rate statistics like <c>ros2 topic hz</c> every <paramref name="every"/> until cancelled.</summary>
    internal static int RunHz(ITransport node, string topic, int window, TimeProvider time, TimeSpan every, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        var (rosType, qos) = Resolve(node, topic, null, error, cancel);
        if (rosType is null)
        {
            return cancel.IsCancellationRequested ? 0 : 1;
        }

        var stats = new RateWindow(Math.Max(2, window));
        using var sub = node.CreateRawSubscription(topic, rosType, qos, (_, _) => stats.Add(time.GetTimestamp(), time.TimestampFrequency));
        while (!cancel.WaitHandle.WaitOne(every))
        {
            output.WriteLine(stats.Describe() ?? "no new messages");
        }

        return 0;
    }

    internal static (string? Type, QosProfile Qos) Resolve(ITransport node, string topic, string? type, TextWriter error, CancellationToken cancel)
    {
        var pubs = RosGraphSession.WaitForPublishers(node, topic, type is null ? TimeSpan.FromDays(1) : TimeSpan.FromSeconds(1), cancel);
        var rosType = type ?? pubs.Select(p => p.RosType).FirstOrDefault(t => t is not null);
        if (rosType is null && !cancel.IsCancellationRequested)
        {
            error.WriteLine($"Could not determine the type of '{topic}': no publisher found. Pass the type, e.g. 'apprentice topic echo {topic} std_msgs/msg/String'.");
        }

        return (rosType, RosGraphSession.AdaptTo(pubs));
    }

    internal static void WriteHex(ReadOnlySpan<byte> cdr, TextWriter output)
    {
        for (var i = 0; i < cdr.Length; i += 16)
        {
            var row = cdr.Slice(i, Math.Min(16, cdr.Length - i));
            output.WriteLine(Convert.ToHexStringLower(row).Chunk(2).Select(c => new string(c)).Aggregate((a, b) => a + " " + b));
        }
    }
}

/// <summary>Arrival times of the last N messages; thread-safe.</summary>
internal sealed class RateWindow(int size)
{
    private readonly Queue<double> _arrivals = new();
    private int _sinceReport;

    public void Add(long timestamp, long frequency)
    {
        lock (_arrivals)
        {
            _arrivals.Enqueue((double)timestamp / frequency);
            if (_arrivals.Count > size)
            {
                _arrivals.Dequeue();
            }

            _sinceReport++;
        }
    }

    public string? Describe()
    {
        lock (_arrivals)
        {
            if (_sinceReport == 0 || _arrivals.Count < 2)
            {
                return null;
            }

            _sinceReport = 0;
            var t = _arrivals.ToArray();
            var d = t.Zip(t.Skip(1), (a, b) => b - a).ToArray();
            var mean = d.Average();
            var std = Math.Sqrt(d.Select(x => (x - mean) * (x - mean)).Average());
            return string.Create(CultureInfo.InvariantCulture, $"average rate: {1 / mean:F3}\n\tmin: {d.Min():F3}s max: {d.Max():F3}s std dev: {std:F5}s window: {t.Length}");
        }
    }
}
