using Apprentice.Ros.Tests.Support;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Idl;
using Apprentice.Ros.Schema;
using Apprentice.Testing;

namespace Apprentice.Ros.Tests.Dynamic;

/// <summary>
/// Byte-for-byte agreement with npm <c>@foxglove/rosmsg2-serialization</c> 3.1.0 for randomized
/// values of every embedded type, both directions. Strings are ASCII: that library sizes strings by
/// UTF-16 length, so it mis-encodes non-ASCII text.
/// </summary>
public sealed class FoxgloveInteropTests
{
    private const int PerType = 25;

    [Test]
    public void OurBytesEqualFoxglovesAndEachSideDecodesTheOther()
    {
        var node = FindNode();
        if (node is null)
        {
            Assert.Ignore("node is not installed; the interop test needs Node.js and `npm ci` in tests/interop");
        }

        var registry = DynamicCodecTests.CreateRegistry();
        var codec = new DynamicCodec(registry);
        var random = new RandomMessages(codec, 2024);
        var cases = new List<(string Type, string Definition, DynamicMessage Message, byte[] Ours)>();
        var fieldless = 0;
        foreach (var name in registry.MessageNames)
        {
            if (codec.Resolve(name).Fields.Count == 0)
            {
                // Constants-only types (e.g. rcl_interfaces/ParameterType): the reference library
                // refuses a definition with no fields, so check rosidl's rule directly instead —
                // an empty struct is one zero uint8 on the wire.
                Assert.That(codec.Encode(random.Create(codec.Resolve(name))), Is.EqualTo(new byte[] { 0, 1, 0, 0, 0 }), name);
                fieldless++;
                continue;
            }

            var schema = Ros2MsgSchema.Build(registry, name);
            for (var i = 0; i < PerType; i++)
            {
                var message = random.Create(codec.Resolve(name));
                cases.Add((name, schema, message, codec.Encode(message)));
            }
        }

        Assert.That(cases, Has.Count.GreaterThanOrEqualTo(PerType * 100), "every embedded standard type is compared");
        Assert.That(fieldless, Is.GreaterThan(0));
        var jobs = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            jobs.Add(new JsonObject { ["id"] = 2 * i, ["op"] = "encode", ["definition"] = c.Definition, ["values"] = ToJob(c.Message) }.ToJsonString());
            jobs.Add(new JsonObject { ["id"] = (2 * i) + 1, ["op"] = "decode", ["definition"] = c.Definition, ["hex"] = Convert.ToHexStringLower(c.Ours) }.ToJsonString());
        }

        var answers = RunOracle(node, jobs);
        Assert.That(answers, Has.Count.EqualTo(jobs.Count));
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var encoded = answers[2 * i];
            var decoded = answers[(2 * i) + 1];
            Assert.That(encoded["error"], Is.Null, c.Type + ": " + encoded["error"]);
            Assert.That(encoded["hex"]!.GetValue<string>(), Is.EqualTo(Convert.ToHexStringLower(c.Ours)), c.Type + " bytes differ for " + c.Message);
            var theirs = Convert.FromHexString(encoded["hex"]!.GetValue<string>());
            Assert.That(DynamicJsonWriter.Write(codec.Decode(c.Type, theirs)), Is.EqualTo(DynamicJsonWriter.Write(c.Message)), c.Type);
            Assert.That(decoded["error"], Is.Null, c.Type + ": " + decoded["error"]);
            Assert.That(decoded["values"]!.ToJsonString(), Is.EqualTo(ToJob(c.Message).ToJsonString()), c.Type + " foxglove decoded ours differently");
        }
    }

    private static JsonObject ToJob(DynamicMessage message)
    {
        var obj = new JsonObject();
        for (var i = 0; i < message.Definition.Fields.Count; i++)
        {
            obj[message.Definition.Fields[i].Name] = ToJobValue(message[i]);
        }

        return obj;
    }

    private static JsonNode? ToJobValue(object value) => value switch
    {
        DynamicMessage m => ToJob(m),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l.ToString(CultureInfo.InvariantCulture)),
        ulong u => JsonValue.Create(u.ToString(CultureInfo.InvariantCulture)),
        float f => JsonValue.Create((double)f),
        double d => JsonValue.Create(d),
        System.Collections.IList list => new JsonArray(list.Cast<object>().Select(ToJobValue).ToArray()),
        _ => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
    };

    private static List<JsonNode> RunOracle(string node, List<string> jobs)
    {
        var script = RepoPaths.Path("tests", "interop", "cdr-oracle.mjs");
        var start = new ProcessStartInfo(node, [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Path("tests", "interop"),
        };
        using var process = Process.Start(start)!;
        var writer = Task.Run(() =>
        {
            foreach (var job in jobs)
            {
                process.StandardInput.WriteLine(job);
            }

            process.StandardInput.Close();
        });
        var stderr = process.StandardError.ReadToEndAsync();
        var answers = new List<JsonNode>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            answers.Add(JsonNode.Parse(line)!);
        }

        writer.Wait(TimeSpan.FromMinutes(2));
        process.WaitForExit(120_000);
        Assert.That(process.ExitCode, Is.Zero, "cdr-oracle.mjs failed (run `npm ci` in tests/interop): " + stderr.Result);
        return answers;
    }

    private static string? FindNode()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "node");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
