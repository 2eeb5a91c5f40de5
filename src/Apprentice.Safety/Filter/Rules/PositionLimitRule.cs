using Apprentice.Safety.Limits;

namespace Apprentice.Safety.Filter.Rules;

/// <summary>
/// Position limits with margin and braking distance. The hard bound keeps v²/(2·a_dec) + v·(a_dec/j_max + dt) ≤ d,
/// d the distance from the position to the limit less the margin, so the axis can always stop before the limit within its
/// deceleration (and jerk ramp); soft limits bound the speed toward them by k_position·distance. Pure; allocation-free.
/// </summary>
public static class PositionLimitRule
{
    /// <summary>Largest speed toward a limit at distance <paramref name="distance"/> that can still stop in time.</summary>
    public static double BrakingSpeed(double distance, double deceleration, double jerk, double dt, bool jerkAware)
    {
        if (!(distance > 0))
        {
            return 0;
        }

        if (double.IsPositiveInfinity(distance))
        {
            return double.PositiveInfinity;
        }

        var ramp = jerkAware && double.IsFinite(jerk) && double.IsFinite(deceleration) ? deceleration / jerk : 0;
        var c = ramp + dt;
        if (!double.IsFinite(deceleration))
        {
            return distance / c;
        }

        // Positive root of v²/(2a) + c·v − d = 0, written to avoid cancellation.
        return 2 * distance / (c + Math.Sqrt((c * c) + (2 * distance / deceleration)));
    }

    /// <summary>
    /// Computes hard velocity bounds (velocity limit ∩ braking) into <paramref name="hardLo"/>/<paramref name="hardHi"/> and
    /// the soft-limit bounds into <paramref name="softLo"/>/<paramref name="softHi"/>, then clamps <paramref name="target"/>
    /// into both. Returns Clamp with PositionLimit/SoftLimit flags when a component changed.
    /// </summary>
    public static RuleResult Apply(
        ReadOnlySpan<double> position,
        ReadOnlySpan<JointLimits> limits,
        double margin,
        double dt,
        bool jerkAware,
        Span<double> target,
        Span<double> hardLo,
        Span<double> hardHi)
    {
        var status = SafetyStatus.None;
        for (var i = 0; i < limits.Length; i++)
        {
            var l = limits[i];
            double lo = -l.MaxVelocity, hi = l.MaxVelocity, softLo = double.NegativeInfinity, softHi = double.PositiveInfinity;
            if (position.Length == limits.Length)
            {
                var q = position[i];
                hi = Math.Min(hi, BrakingSpeed(l.MaxPosition - margin - q, l.MaxDeceleration, l.MaxJerk, dt, jerkAware));
                lo = Math.Max(lo, -BrakingSpeed(q - (l.MinPosition + margin), l.MaxDeceleration, l.MaxJerk, dt, jerkAware));
                if (l.HasSoftLimits)
                {
                    softHi = l.KPosition * Math.Max(0, l.SoftUpperLimit - q);
                    softLo = -l.KPosition * Math.Max(0, q - l.SoftLowerLimit);
                }
            }

            hardLo[i] = lo;
            hardHi[i] = hi;
            var v = target[i];
            var clamped = Math.Clamp(v, lo, hi);
            if (clamped != v)
            {
                status |= SafetyStatus.PositionLimit;
            }

            var soft = Math.Clamp(clamped, Math.Min(0, softLo), Math.Max(0, softHi));
            if (soft != clamped)
            {
                status |= SafetyStatus.SoftLimit;
            }

            target[i] = soft;
        }

        return status == SafetyStatus.None ? RuleResult.Pass : new RuleResult(RuleAction.Clamp, 1, status);
    }
}
