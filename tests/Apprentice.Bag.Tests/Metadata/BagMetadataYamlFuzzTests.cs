using System.Text;
using Apprentice.Bag.Metadata;
using Apprentice.Testing;
using CsCheck;

namespace Apprentice.Bag.Tests.Metadata;

/// <summary>Hostile metadata.yaml: whatever the text, reading gives a value or a <see cref="BagMetadataException"/>.</summary>
public class BagMetadataYamlFuzzTests
{
    private static readonly string[] Seeds = Manifest.Of("metadata.yaml")
        .Select(p => File.ReadAllText(TestData.Path(p.Split('/')))).ToArray();

    // Fragments that change YAML structure: indicators, anchors/aliases, tags, flow collections,
    // block scalars, tabs, documents, and values that break our number parsing.
    private static readonly string[] Fragments =
    [
        ":", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "*zz", "!!binary ", "!!int ", "!<tag:x> ", "|\n", ">-\n", "\t", "\n",
        "\n  ", "---\n", "...\n", "'", "\"", "#", "? ", "~", "99999999999999999999999", "-9223372036854775809", "0x1F",
        "1e400", ".nan", "[a, b]", "{k: [1, {x: y}]}", "\n- {a: 1}", "%YAML 1.2\n", "\u0000", "\uFEFF", "\\u0041",
    ];

    private static string Check(string yaml)
    {
        try
        {
            _ = BagMetadataYaml.Read(yaml, "fuzz/metadata.yaml");
            return "ok";
        }
        catch (BagMetadataException e)
        {
            Assert.That(e.Message, Does.StartWith("fuzz/metadata.yaml"));
            return "typed";
        }
    }

    [Test]
    public void Mutated_real_metadata_yaml_reads_or_fails_typed() =>
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Select(Gen.Int[0, 3], Gen.Int, Gen.Int[0, 40], Gen.Int[0, Fragments.Length - 1]).Array[1, 6])
            .Sample(t =>
            {
                var text = new StringBuilder(Seeds[t.Item1]);
                foreach (var (kind, where, length, fragment) in t.Item2)
                {
                    var at = (int)((uint)where % (uint)(text.Length + 1));
                    switch (kind)
                    {
                        case 0:
                            text.Insert(at, Fragments[fragment]);
                            break;
                        case 1:
                            text.Remove(at, Math.Min(length, text.Length - at));
                            break;
                        case 2:
                            text.Length = at; // truncation
                            break;
                        default:
                            if (at < text.Length)
                            {
                                text[at] = (char)(text[at] ^ (1 << (length % 7)));
                            }

                            break;
                    }
                }

                Check(text.ToString());
            }, iter: 3000);

    [Test]
    public void Values_of_the_wrong_shape_at_every_key_fail_typed()
    {
        string[] shapes = ["[1, 2]", "{a: b}", "''", "~", "x", "-1", "99999999999999999999", "[{a: [b]}]", "{[1]: 2}", "*undefined", "!!binary AAAA"];
        var lines = Seeds[0].Split('\n');
        var outcomes = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            foreach (var shape in shapes)
            {
                var copy = (string[])lines.Clone();
                copy[i] = lines[i][..(colon + 1)] + " " + shape;
                outcomes.Add(Check(string.Join('\n', copy)));
                var asKey = (string[])lines.Clone();
                asKey[i] = lines[i][..^lines[i].TrimStart().Length] + "? " + shape + "\n" + lines[i][..^lines[i].TrimStart().Length] + ": x";
                outcomes.Add(Check(string.Join('\n', asKey)));
            }
        }

        Assert.That(outcomes, Does.Contain("typed"));
    }

    [TestCase(100_000)]
    [TestCase(1_000)]
    public void Deep_nesting_is_refused_without_overflowing_the_stack(int depth)
    {
        foreach (var open in new[] { "[", "{a: " })
        {
            var yaml = "rosbag2_bagfile_information:\n  custom_data: " + string.Concat(Enumerable.Repeat(open, depth));
            Assert.That(Check(yaml), Is.EqualTo("typed"));
        }
    }

    [Test]
    public void Alias_fan_out_does_not_expand()
    {
        // "billion laughs": each level references the previous one ten times.
        var sb = new StringBuilder("rosbag2_bagfile_information:\n  l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 30; i++)
        {
            sb.Append($"  l{i}: &l{i} [").Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))).Append("]\n");
        }

        sb.Append("  custom_data: *l29\n  relative_file_paths: *l29\n");
        Assert.That(Check(sb.ToString()), Is.EqualTo("typed"));
    }
}
