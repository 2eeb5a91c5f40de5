using System.Text.Json;
using System.Text.Json.Serialization;

namespace Apprentice.Core.Policies.Card;

/// <summary>
/// JSON form of the policy card (snake_case names, enums as snake_case strings). Reading checks
/// the version first, rejects unknown fields (a typo must not silently drop a setting) and turns
/// every parse problem into a <see cref="PolicyCardException"/> naming the JSON path.
/// </summary>
public static class PolicyCardJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Serialises the card to compact JSON.</summary>
    public static string Serialize(PolicyCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.Serialize(card, Options);
    }

    /// <summary>Parses a card; does not check it against a model (see <see cref="PolicyCardValidator"/>).</summary>
    /// <param name="json">The card JSON.</param>
    /// <param name="origin">Where the JSON came from, for error messages (usually the model path).</param>
    /// <exception cref="PolicyCardException">When the JSON is malformed, of another version, or has unknown/missing fields.</exception>
    public static PolicyCard Deserialize(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        CheckVersion(json, origin);
        try
        {
            var card = JsonSerializer.Deserialize<PolicyCard>(json, Options)
                ?? throw Error(origin, "$", "the card is JSON null; write a policy card object.", null);
            CheckNoNullEntries(card, origin);
            return card;
        }
        catch (JsonException ex)
        {
            throw Error(origin, ToField(ex.Path), ex.Message, ex);
        }
    }

    // Nullable annotations do not reach list elements, so `"inputs": [null]` parses; reject it
    // here so no later stage meets a null.
    private static void CheckNoNullEntries(PolicyCard card, string origin)
    {
        var errors = new List<PolicyCardError>();
        AddNulls(card.Inputs, "inputs", errors);
        AddNulls(card.TrainingStatistics, "training_statistics", errors);
        AddNulls(card.Action.JointNames, "action.joint_names", errors);
        for (var i = 0; i < card.Inputs.Count; i++)
        {
            if (card.Inputs[i] is { } input)
            {
                AddNulls(input.JointNames, $"inputs[{i}].joint_names", errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new PolicyCardException(origin, errors);
        }
    }

    private static void AddNulls<T>(IReadOnlyList<T?> list, string at, List<PolicyCardError> errors)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                errors.Add(new PolicyCardError($"{at}[{i}]", "is null; remove it or give a value."));
            }
        }
    }

    private static void CheckVersion(string json, string origin)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Error(origin, "$", "the card must be a JSON object.", null);
            }

            if (!doc.RootElement.TryGetProperty("version", out var version)
                || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v))
            {
                throw Error(origin, "version", $"missing or not an integer; this build reads version {PolicyCard.CurrentVersion}.", null);
            }

            if (v != PolicyCard.CurrentVersion)
            {
                throw Error(origin, "version", $"card version {v} is not supported; this build reads version {PolicyCard.CurrentVersion}.", null);
            }
        }
        catch (JsonException ex)
        {
            throw Error(origin, "$", "not valid JSON: " + ex.Message, ex);
        }
    }

    private static string ToField(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) ? "$" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;

    private static PolicyCardException Error(string origin, string field, string message, Exception? inner) =>
        new(origin, [new PolicyCardError(field, message)], inner);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowTrailingCommas = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
