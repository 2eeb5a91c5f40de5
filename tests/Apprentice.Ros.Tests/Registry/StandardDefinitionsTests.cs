using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Apprentice.Ros.Idl;
using Apprentice.Ros.Registry;
using Apprentice.Testing;

namespace Apprentice.Ros.Tests.Registry;

/// <summary>Embedded standard definitions agree field by field with npm @foxglove/rosmsg-msgs-common (Humble or Jazzy).</summary>
public sealed class StandardDefinitionsTests
{
    [Test]
    public void EmbeddedDefinitionsMatchFoxglovesCopies()
    {
        using var reference = LoadReference();
        var registry = new InterfaceRegistry();
        registry.AddEmbedded();
        var compared = 0;
        var problems = new List<string>();
        foreach (var name in registry.MessageNames)
        {
            var shortName = InterfaceName.ToShortForm(name);
            var ours = Describe(registry.GetMessage(name));
            var candidates = new[] { "jazzy", "humble" }
                .Select(d => reference.RootElement.GetProperty(d))
                .Where(d => d.TryGetProperty(shortName, out _))
                .Select(d => Describe(d.GetProperty(shortName)))
                .ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            compared++;
            if (!candidates.Any(c => c.SequenceEqual(ours)))
            {
                problems.Add(name + ":\n  ours:   " + string.Join(", ", ours) + "\n  theirs: " + string.Join(", ", candidates[0]));
            }
        }

        Assert.That(compared, Is.GreaterThan(0));
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    private static List<string> Describe(MessageDefinition definition)
    {
        var result = definition.Constants.Select(c => "const " + TypeName(c.Type) + " " + c.Name + "=" + Value(c.Value)).ToList();
        result.AddRange(definition.Fields.Select(f =>
            TypeName(f.Type) + (f.Type.Array == ArrayKind.None ? string.Empty : f.Type.Array == ArrayKind.Fixed ? "[" + f.Type.ArrayLength + "]" : "[]") + " " + f.Name));
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static List<string> Describe(JsonElement fields)
    {
        var result = new List<string>();
        foreach (var f in fields.EnumerateArray())
        {
            var type = f.GetProperty("type").GetString()!;
            var name = f.GetProperty("name").GetString()!;
            if (f.TryGetProperty("isConstant", out var isConstant) && isConstant.GetBoolean())
            {
                var v = f.GetProperty("value");
                result.Add("const " + type + " " + name + "=" + (v.ValueKind switch
                {
                    JsonValueKind.Number => Value(v.GetDouble()),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => v.GetString(),
                }));
                continue;
            }

            var array = !f.GetProperty("isArray").GetBoolean() ? string.Empty
                : f.TryGetProperty("arrayLength", out var n) ? "[" + n.GetInt32() + "]" : "[]";
            result.Add(type + array + " " + name);
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static string TypeName(FieldType type) => type.Kind switch
    {
        PrimitiveKind.Byte or PrimitiveKind.Char => "uint8",
        PrimitiveKind.Message => type.MessageType switch
        {
            "builtin_interfaces/msg/Time" => "time",
            "builtin_interfaces/msg/Duration" => "duration",
            _ => InterfaceName.ToShortForm(type.MessageType!),
        },
        _ => type.Kind.ToMsgName(),
    };

    private static string Value(object value) => value switch
    {
        bool b => b ? "true" : "false",
        string s => s,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
    };

    private static JsonDocument LoadReference()
    {
        var start = new ProcessStartInfo("node", [RepoPaths.Path("tests", "interop", "msgs-common.mjs")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("node is not installed; this check needs Node.js and `npm ci` in tests/interop");
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var json = process.StandardOutput.ReadToEnd();
            process.WaitForExit(60_000);
            Assert.That(process.ExitCode, Is.Zero, "msgs-common.mjs failed (run `npm ci` in tests/interop): " + stderr.Result);
            return JsonDocument.Parse(json);
        }
    }
}
