using System.CommandLine;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Cdr;
using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Idl;
using Apprentice.Ros.Registry;

namespace Apprentice.Cli.Verbs;

/// <summary>How <c>apprentice topic echo</c> prints each message.</summary>
internal enum EchoFormat
{
    /// <summary>The serialized CDR bytes as hex rows, then <c>---</c>.</summary>
    Raw,

    /// <summary>Block YAML like <c>ros2 topic echo</c>, then <c>---</c>.</summary>
    Yaml,

    /// <summary>One JSON object per line.</summary>
    Json,
}

/// <summary><c>apprentice topic echo &lt;topic&gt; [type] [--raw|--json] [--count N]</c>.</summary>
internal static class TopicEchoVerb
{
    public static Command Create()
    {
        var topic = new Argument<string>("topic") { Description = "Topic name, e.g. /joint_states." };
        var type = new Argument<string?>("type") { Description = "Message type (default: discovered from the publishers).", Arity = ArgumentArity.ZeroOrOne };
        var raw = new Option<bool>("--raw") { Description = "Print the serialized CDR bytes (hex) instead of fields." };
        var json = new Option<bool>("--json") { Description = "Print each message as one line of JSON." };
        var count = new Option<int>("--count") { Description = "Exit after this many messages (0 = until Ctrl-C).", DefaultValueFactory = _ => 0 };
        var msgDir = new Option<string?>("--msg-dir") { Description = "A folder of extra .msg files (package 'apprentice'); AMENT_PREFIX_PATH is searched too." };
        var c = new Command("echo", "Print the messages published on a topic (fields decoded from the type's definition).") { topic, type, raw, json, count, msgDir };
        c.SetAction(r =>
        {
            if (r.GetValue(raw) && r.GetValue(json))
            {
                r.InvocationConfiguration.Error.WriteLine("--raw and --json cannot be combined.");
                return 2;
            }

            var format = r.GetValue(raw) ? EchoFormat.Raw : r.GetValue(json) ? EchoFormat.Json : EchoFormat.Yaml;
            var (cts, regs) = RosGraphSession.CancelOnSignals();
            using (cts)
            using (regs)
            using (var node = RosGraphSession.CreateNode())
            {
                var registry = InterfaceVerb.Load(r.GetValue(msgDir));
                return RunEcho(node, r.GetValue(topic)!, r.GetValue(type), r.GetValue(count), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, cts.Token, format, registry);
            }
        });
        return c;
    }

    /// <summary>
    /// Subscribes (QoS adapted to the publishers, type discovered unless given) and prints each
    /// message until cancelled or <paramref name="count"/> reached. A sample that does not decode is
    /// reported on <paramref name="error"/> and skipped. Returns 1 when the type is unknown.
    /// </summary>
    internal static int RunEcho(ITransport node, string topic, string? type, int count, TextWriter output, TextWriter error, CancellationToken cancel, EchoFormat format = EchoFormat.Raw, InterfaceRegistry? registry = null)
    {
        var (rosType, qos) = TopicVerb.Resolve(node, topic, type, error, cancel);
        if (rosType is null)
        {
            return cancel.IsCancellationRequested ? 0 : 1;
        }

        DynamicCodec? codec = null;
        MessageDefinition? definition = null;
        if (format != EchoFormat.Raw)
        {
            codec = new DynamicCodec(registry ?? InterfaceVerb.Load(null));
            try
            {
                definition = codec.Resolve(rosType);
            }
            catch (InterfaceNotFoundException e)
            {
                error.WriteLine($"Cannot decode '{topic}': {e.Message} Use --raw to print the bytes, or --msg-dir / AMENT_PREFIX_PATH to add the definition.");
                return 1;
            }
        }

        var received = 0;
        using var done = new ManualResetEventSlim();
        using var sub = node.CreateRawSubscription(topic, rosType, qos, (cdr, _) =>
        {
            lock (output)
            {
                if (!Print(cdr, format, codec, definition, output, error, topic))
                {
                    return;
                }

                output.Flush();
            }

            if (Interlocked.Increment(ref received) == count)
            {
                done.Set();
            }
        });
        WaitHandle.WaitAny([done.WaitHandle, cancel.WaitHandle]);
        return 0;
    }

    private static bool Print(ReadOnlySpan<byte> cdr, EchoFormat format, DynamicCodec? codec, MessageDefinition? definition, TextWriter output, TextWriter error, string topic)
    {
        if (format == EchoFormat.Raw)
        {
            TopicVerb.WriteHex(cdr, output);
            output.WriteLine("---");
            return true;
        }

        DynamicMessage message;
        try
        {
            message = codec!.Decode(definition!, cdr);
        }
        catch (CdrException e)
        {
            error.WriteLine($"Skipping a sample on '{topic}' that does not decode as {definition!.FullName} ({cdr.Length} bytes): {e.Message}");
            return false;
        }

        if (format == EchoFormat.Json)
        {
            output.WriteLine(DynamicJsonWriter.Write(message));
        }
        else
        {
            output.Write(DynamicYamlWriter.Write(message));
            output.WriteLine("---");
        }

        return true;
    }
}
