using System.CommandLine;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Qos;
using Apprentice.Ros.Registry;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice topic pub &lt;topic&gt; &lt;type&gt; '&lt;yaml&gt;' [--rate HZ] [--times N]</c>, like <c>ros2 topic pub</c>.</summary>
internal static class TopicPubVerb
{
    public static Command Create()
    {
        var topic = new Argument<string>("topic") { Description = "Topic name, e.g. /joint_states." };
        var type = new Argument<string>("type") { Description = "Message type, e.g. sensor_msgs/msg/JointState." };
        var values = new Argument<string>("values") { Description = "Field values as YAML, e.g. \"{name: [a], position: [0.5]}\"; missing fields take their defaults.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "{}" };
        var rate = new Option<double>("--rate", "-r") { Description = "Publishing rate in Hz.", DefaultValueFactory = _ => 1.0 };
        var times = new Option<int>("--times", "-t") { Description = "Publish this many times, then exit (0 = until Ctrl-C).", DefaultValueFactory = _ => 0 };
        var once = new Option<bool>("--once", "-1") { Description = "Publish one message and exit (as --times 1)." };
        var wait = new Option<int?>("--wait-matching-subscriptions", "-w") { Description = "Wait for this many matching subscriptions before publishing (default 1 with --times/--once, else 0)." };
        var latched = new Option<bool>("--transient-local") { Description = "Offer transient-local durability (late joiners get the last messages)." };
        var bestEffort = new Option<bool>("--best-effort") { Description = "Publish best effort instead of reliable." };
        var msgDir = new Option<string?>("--msg-dir") { Description = "A folder of extra .msg files (package 'apprentice'); AMENT_PREFIX_PATH is searched too." };
        var c = new Command("pub", "Publish a message built from YAML.") { topic, type, values, rate, times, once, wait, latched, bestEffort, msgDir };
        c.SetAction(r =>
        {
            var n = r.GetValue(once) ? 1 : r.GetValue(times);
            var options = new PubOptions(r.GetValue(rate), n, r.GetValue(wait) ?? (n > 0 ? 1 : 0))
            {
                Qos = QosProfiles.Default with
                {
                    Reliability = r.GetValue(bestEffort) ? ReliabilityPolicy.BestEffort : ReliabilityPolicy.Reliable,
                    Durability = r.GetValue(latched) ? DurabilityPolicy.TransientLocal : DurabilityPolicy.Volatile,
                },
            };
            var (cts, regs) = RosGraphSession.CancelOnSignals();
            using (cts)
            using (regs)
            using (var node = RosGraphSession.CreateNode())
            {
                var registry = InterfaceVerb.Load(r.GetValue(msgDir));
                return RunPub(node, r.GetValue(topic)!, r.GetValue(type)!, r.GetValue(values) ?? "{}", options, registry, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, cts.Token);
            }
        });
        return c;
    }

    /// <summary>What <see cref="RunPub"/> does besides building the message.</summary>
    /// <param name="RateHz">Messages per second; must be positive.</param>
    /// <param name="Times">Messages to publish before returning (0 = until cancelled).</param>
    /// <param name="WaitMatching">Matched subscriptions to wait for before the first message.</param>
    internal sealed record PubOptions(double RateHz, int Times, int WaitMatching)
    {
        /// <summary>Offered QoS (default: reliable, volatile, keep-last 10).</summary>
        public QosProfile Qos { get; init; } = QosProfiles.Default;
    }

    /// <summary>
    /// Builds the message from YAML (defaults for missing fields), then publishes it at the rate.
    /// Returns 0 when done or cancelled, 1 when the type or YAML is wrong (reason on <paramref name="error"/>).
    /// </summary>
    internal static int RunPub(ITransport node, string topic, string type, string yaml, PubOptions options, InterfaceRegistry registry, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        if (!(options.RateHz > 0) || options.Times < 0 || options.WaitMatching < 0)
        {
            error.WriteLine("--rate must be positive; --times and --wait-matching-subscriptions must not be negative.");
            return 1;
        }

        var codec = new DynamicCodec(registry);
        byte[] payload;
        DynamicMessage message;
        try
        {
            message = DynamicYamlReader.Read(codec, codec.Resolve(type), yaml);
            payload = codec.Encode(message);
        }
        catch (Exception e) when (e is InterfaceNotFoundException or FormatException or Ros.Cdr.CdrException)
        {
            error.WriteLine($"Cannot publish on '{topic}': {e.Message}");
            return 1;
        }

        using var pub = node.CreateRawPublisher(topic, type, options.Qos);
        if (options.WaitMatching > 0)
        {
            output.WriteLine($"Waiting for at least {options.WaitMatching} matching subscription(s)...");
            while (pub.MatchedSubscriptionCount < options.WaitMatching)
            {
                if (cancel.WaitHandle.WaitOne(20))
                {
                    return 0;
                }
            }
        }

        output.WriteLine("publisher: beginning loop");
        var text = DynamicJsonWriter.Write(message);
        var period = TimeSpan.FromSeconds(1 / options.RateHz);
        for (var i = 1; options.Times == 0 || i <= options.Times; i++)
        {
            var outcome = pub.Publish(payload);
            output.WriteLine(outcome == PublishOutcome.Published ? $"publishing #{i}: {text}" : $"publishing #{i} failed: {outcome}");
            output.Flush();
            if ((options.Times != 0 && i == options.Times) || cancel.WaitHandle.WaitOne(period))
            {
                break;
            }
        }

        return 0;
    }
}
