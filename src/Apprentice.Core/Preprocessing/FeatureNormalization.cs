namespace Apprentice.Core.Preprocessing;

/// <summary>
/// The per-element shift and scale of <c>(x − mean) / std</c>, expanded once at configure time from
/// the card's statistics: empty (no shift / no scaling), one value for every element, or one per element.
/// </summary>
internal sealed class FeatureNormalization
{
    private FeatureNormalization(float[] mean, float[] invStd) => (Mean, InvStd) = (mean, invStd);

    /// <summary>Per-element mean.</summary>
    public float[] Mean { get; }

    /// <summary>Per-element 1 / std.</summary>
    public float[] InvStd { get; }

    /// <summary>Expands and checks the statistics of a tensor of <paramref name="length"/> elements.</summary>
    /// <exception cref="ConfigurationException">A list of another length, or a std that is not positive and finite.</exception>
    public static FeatureNormalization Create(string tensorName, IReadOnlyList<float> mean, IReadOnlyList<float> std, int length)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        var m = Expand(mean, length, 0f, tensorName + ".mean");
        var inv = Expand(std, length, 1f, tensorName + ".std");
        for (var i = 0; i < length; i++)
        {
            if (!(inv[i] > 0) || !float.IsFinite(inv[i]))
            {
                throw new ConfigurationException(tensorName + ".std[" + i + "]", "must be positive and finite.");
            }

            inv[i] = 1f / inv[i];
        }

        return new FeatureNormalization(m, inv);
    }

    private static float[] Expand(IReadOnlyList<float> values, int length, float fill, string field)
    {
        if (values.Count is not (0 or 1) && values.Count != length)
        {
            throw new ConfigurationException(field, "needs 1 or " + length + " values (got " + values.Count + ").");
        }

        var result = new float[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = values.Count == 0 ? fill : values[values.Count == 1 ? 0 : i];
        }

        return result;
    }
}
