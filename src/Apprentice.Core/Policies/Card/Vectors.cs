namespace Apprentice.Core.Policies.Card;

/// <summary>Shared checks of name lists and mean/std vectors.</summary>
internal static class Vectors
{
    /// <summary>Sizes a mean/std vector may have for a shape: 1, <c>shape[1]</c>, or one per sample element.</summary>
    public static IEnumerable<long> AllowedLengths(IReadOnlyList<int> shape)
    {
        yield return 1;
        if (shape.Count >= 2)
        {
            yield return shape[1];
            long perSample = 1;
            for (var k = 1; k < shape.Count; k++)
            {
                perSample *= shape[k];
            }

            yield return perSample;
        }
    }

    public static void CheckMeanStd(
        IReadOnlyList<int> shape, IReadOnlyList<float> mean, IReadOnlyList<float> std, string at,
        bool strictlyPositiveStd, List<PolicyCardError> errors)
    {
        if (mean.Count != std.Count)
        {
            errors.Add(new(at + ".std", $"has {std.Count} values but mean has {mean.Count}; they must match."));
        }
        else if (mean.Count > 0 && shape.Count > 0 && shape.All(d => d > 0) && !AllowedLengths(shape).Contains(mean.Count))
        {
            errors.Add(new(at + ".mean",
                $"has {mean.Count} values; for shape [{string.Join(", ", shape)}] give 1, {string.Join(" or ", AllowedLengths(shape).Skip(1).Distinct())}."));
        }

        for (var k = 0; k < mean.Count; k++)
        {
            if (!float.IsFinite(mean[k]))
            {
                errors.Add(new($"{at}.mean[{k}]", $"is {mean[k]}; it must be finite."));
            }
        }

        for (var k = 0; k < std.Count; k++)
        {
            var bad = strictlyPositiveStd ? !(std[k] > 0) : !(std[k] >= 0);
            if (bad || !float.IsFinite(std[k]))
            {
                errors.Add(new($"{at}.std[{k}]", strictlyPositiveStd
                    ? $"is {std[k]}; a normalisation std must be finite and > 0."
                    : $"is {std[k]}; a standard deviation must be finite and >= 0."));
            }
        }
    }

    public static void CheckNames(IReadOnlyList<string> names, string at, List<PolicyCardError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < names.Count; k++)
        {
            if (string.IsNullOrWhiteSpace(names[k]))
            {
                errors.Add(new($"{at}[{k}]", "is empty; give the joint's name."));
            }
            else if (!seen.Add(names[k]))
            {
                errors.Add(new($"{at}[{k}]", $"'{names[k]}' appears twice; each joint appears once."));
            }
        }
    }
}
