namespace Apprentice.Core.Policies;

/// <summary>
/// Per-dimension bounds a policy action must respect (units of the action layout, for example rad
/// or rad/s). Values outside make the output <see cref="PolicyOutcome.InvalidOutput"/>; the policy is
/// never silently clipped, because a model that leaves its trained range is not trustworthy.
/// </summary>
public sealed class ActionLimits
{
    private readonly float[] _lower;
    private readonly float[] _upper;

    /// <summary>Creates the limits (equal lengths, lower ≤ upper, no NaN).</summary>
    public ActionLimits(IReadOnlyList<float> lower, IReadOnlyList<float> upper, string field = "policy.action_limits")
    {
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        if (lower.Count != upper.Count || lower.Count == 0)
        {
            throw new ConfigurationException(field, "lower and upper need the same, non-zero length (got " + lower.Count + " and " + upper.Count + ").");
        }

        for (var i = 0; i < lower.Count; i++)
        {
            if (float.IsNaN(lower[i]) || float.IsNaN(upper[i]) || lower[i] > upper[i])
            {
                throw new ConfigurationException(field + "[" + i + "]", "lower must be ≤ upper and neither NaN (got " + lower[i] + ", " + upper[i] + ").");
            }
        }

        _lower = [.. lower];
        _upper = [.. upper];
    }

    /// <summary>Action dimension covered.</summary>
    public int Dimension => _lower.Length;

    /// <summary>Unbounded limits (only finiteness is checked).</summary>
    public static ActionLimits Unbounded(int dimension) =>
        new(Enumerable.Repeat(float.NegativeInfinity, dimension).ToArray(), Enumerable.Repeat(float.PositiveInfinity, dimension).ToArray());

    /// <summary>
    /// <see cref="PolicyOutcome.Ok"/> when every value of the step-major <paramref name="chunk"/> is
    /// finite and within bounds, else <see cref="PolicyOutcome.InvalidOutput"/>. Allocation-free.
    /// </summary>
    public PolicyOutcome Check(ReadOnlySpan<float> chunk)
    {
        var d = _lower.Length;
        for (var i = 0; i < chunk.Length; i++)
        {
            var v = chunk[i];
            var j = i % d;
            if (!float.IsFinite(v) || v < _lower[j] || v > _upper[j])
            {
                return PolicyOutcome.InvalidOutput;
            }
        }

        return chunk.Length % d == 0 ? PolicyOutcome.Ok : PolicyOutcome.InvalidOutput;
    }
}
