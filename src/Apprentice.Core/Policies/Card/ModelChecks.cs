namespace Apprentice.Core.Policies.Card;

/// <summary>Checks of the card against the model's declared inputs and outputs.</summary>
internal static class ModelChecks
{
    public static void CheckInputs(PolicyCard card, ModelSignature model, List<PolicyCardError> errors)
    {
        var modelInputs = model.Inputs.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var available = string.Join(", ", model.Inputs.Select(t => t.Name));
        for (var i = 0; i < card.Inputs.Count; i++)
        {
            var spec = card.Inputs[i];
            var at = $"inputs[{i}]";
            if (!modelInputs.TryGetValue(spec.Name, out var actual))
            {
                errors.Add(new(at + ".name", $"the model has no input '{spec.Name}' (model inputs: {available})."));
                continue;
            }

            CheckElementType(actual, at, errors);
            CheckDims(spec.Shape, actual.Dims, at + ".shape", errors);
        }

        foreach (var input in model.Inputs)
        {
            if (!card.Inputs.Any(s => s.Name == input.Name))
            {
                errors.Add(new("inputs", $"model input '{input.Name}' is not described by the card; add it so the runtime can fill it."));
            }
        }
    }

    public static void CheckAction(PolicyCard card, ModelSignature model, List<PolicyCardError> errors)
    {
        var action = card.Action;
        var output = model.Outputs.FirstOrDefault(o => o.Name == action.OutputName);
        if (output is null)
        {
            errors.Add(new("action.output_name",
                $"the model has no output '{action.OutputName}' (model outputs: {string.Join(", ", model.Outputs.Select(o => o.Name))})."));
            return;
        }

        CheckElementType(output, "action.output_name", errors);
        var dims = output.Dims;
        if (dims.Count == 0)
        {
            errors.Add(new("action.output_name", $"output '{output.Name}' is a scalar; an action is [1, joints] or [1, chunk, joints]."));
            return;
        }

        long perSample = 1;
        for (var k = 1; k < dims.Count; k++)
        {
            if (dims[k] < 0)
            {
                errors.Add(new("action.output_name",
                    $"output '{output.Name}' has a symbolic dimension {k}; only the batch dimension (0) may be symbolic."));
                return;
            }

            perSample *= dims[k];
        }

        var joints = action.JointNames.Count;
        if (joints > 0 && dims[^1] != joints && dims.Count > 1)
        {
            errors.Add(new("action.joint_names", $"lists {joints} joints but the last dimension of output '{output.Name}' is {dims[^1]}."));
        }
        else if (joints > 0 && card.ChunkLength >= 1 && perSample != (long)card.ChunkLength * joints)
        {
            errors.Add(new("chunk_length",
                $"is {card.ChunkLength}: {card.ChunkLength} × {joints} joints = {(long)card.ChunkLength * joints} values, but output '{output.Name}' holds {perSample} per sample."));
        }
    }

    private static void CheckElementType(TensorSignature tensor, string at, List<PolicyCardError> errors)
    {
        if (tensor.ElementType != TensorElementKind.Float32)
        {
            errors.Add(new(at, $"model tensor '{tensor.Name}' is {tensor.ElementType}; policy inputs and actions must be Float32."));
        }
    }

    private static void CheckDims(IReadOnlyList<int> card, IReadOnlyList<long> model, string at, List<PolicyCardError> errors)
    {
        if (card.Count != model.Count)
        {
            errors.Add(new(at, $"has rank {card.Count} but the model input has rank {model.Count} ([{Format(model)}])."));
            return;
        }

        for (var k = 0; k < card.Count; k++)
        {
            if (card[k] > 0 && model[k] >= 0 && model[k] != card[k])
            {
                errors.Add(new($"{at}[{k}]", $"is {card[k]} but the model fixes it to {model[k]}."));
            }
        }
    }

    private static string Format(IReadOnlyList<long> dims) => string.Join(", ", dims.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
