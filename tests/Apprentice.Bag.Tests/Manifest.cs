using System.Text.Json.Nodes;
using Apprentice.Testing;

namespace Apprentice.Bag.Tests;

/// <summary>The testdata manifest: verified facts about every real file.</summary>
internal static class Manifest
{
    private static readonly Lazy<JsonObject> Files = new(() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(TestData.Path("manifest.json")))!["files"]!);

    public static IEnumerable<string> Of(string format) =>
        Files.Value.Where(p => (string?)p.Value!["format"] == format).Select(p => p.Key).Order(StringComparer.Ordinal);

    public static JsonNode Entry(string relative) => Files.Value[relative]!;

    public static long? Long(JsonNode? n) => n is null ? null : long.Parse(n.ToString(), System.Globalization.CultureInfo.InvariantCulture);
}
