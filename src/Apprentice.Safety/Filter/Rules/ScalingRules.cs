using Apprentice.Safety.Limits;

namespace Apprentice.Safety.Filter.Rules;

/// <summary>Whole-vector scaling rules: speed override and velocity limits. Pure; allocation-free.</summary>
public static class ScalingRules
{
    /// <summary>The override as a scale: clamped to [0, 1]; NaN and negative values give 0 (it can only reduce).</summary>
    public static RuleResult SpeedOverride(double speedOverride) =>
        RuleResult.ScaleBy(double.IsNaN(speedOverride) ? 0 : Math.Clamp(speedOverride, 0, 1), SafetyStatus.SpeedOverride);

    /// <summary>The largest scale in [0, 1] that brings every component within its velocity limit (direction kept).</summary>
    public static RuleResult Velocity(ReadOnlySpan<double> target, ReadOnlySpan<JointLimits> limits)
    {
        var s = 1.0;
        for (var i = 0; i < target.Length; i++)
        {
            var v = Math.Abs(target[i]);
            if (v > limits[i].MaxVelocity)
            {
                s = Math.Min(s, limits[i].MaxVelocity / v);
            }
        }

        return RuleResult.ScaleBy(s, SafetyStatus.VelocityLimit);
    }
}
