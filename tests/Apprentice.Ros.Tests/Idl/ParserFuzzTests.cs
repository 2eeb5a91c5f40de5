using System.Text;
using System.Text.Json;
using Apprentice.Ros.Idl;
using Apprentice.Ros.Schema;
using Apprentice.Testing;

namespace Apprentice.Ros.Tests.Idl;

/// <summary>Mutated definition texts give a definition or an <see cref="IdlParseException"/>, nothing else.</summary>
public sealed class ParserFuzzTests
{
    private const string Alphabet = "abcXYZ019_/#=<>[]\"' \t\n-.,+";

    [Test]
    public void MutatedSchemasFailOnlyWithParseErrors()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Path("tests", "Apprentice.Ros.Tests", "Schema", "bag-schemas.json")));
        var seeds = doc.RootElement.EnumerateArray()
            .Select(s => (Name: s.GetProperty("name").GetString()!, Text: s.GetProperty("data").GetString()!))
            .Append(("pkg/msg/Defaults", "int32[3] a [1, 2, 3]\nstring<=5 s \"abc\"\nfloat64 F=1.5\nstring[<=2] t ['x', \"y\"]\n"))
            .ToList();
        var random = new Random(42);
        var parsed = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var (name, text) = seeds[i % seeds.Count];
            var mutated = Mutate(text, random);
            try
            {
                Ros2MsgSchema.Parse(name, mutated);
                MsgParser.ParseMessage(mutated, "pkg", "Fuzz");
                parsed++;
            }
            catch (IdlParseException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail("iteration " + i + " threw " + e + "\n--- text ---\n" + mutated);
            }
        }

        Assert.That(parsed, Is.GreaterThan(0));
    }

    private static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = sb.Length == 0 ? 0 : random.Next(sb.Length);
            switch (random.Next(3))
            {
                case 0:
                    sb.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 1:
                    if (sb.Length > 0)
                    {
                        sb.Remove(at, 1);
                    }

                    break;
                default:
                    if (sb.Length > 0)
                    {
                        sb[at] = Alphabet[random.Next(Alphabet.Length)];
                    }

                    break;
            }
        }

        return sb.ToString();
    }
}
