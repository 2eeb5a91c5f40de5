using Apprentice.Safety.Limits;

namespace Apprentice.Safety.Filter;

/// <summary>
/// The dynamic stage of the filter: moves the previous output toward the target within acceleration/deceleration limits
/// (scaling the whole velocity change, direction kept) and jerk limits (scaling the whole acceleration change), then
/// enforces the hard velocity box (velocity limit ∩ braking bounds). A hard bound wins over jerk; that case is reported
/// as <see cref="SafetyStatus.JerkLimitRelaxed"/>. Pure; allocation-free.
/// </summary>
public static class MotionLimiter
{
    /// <summary>
    /// Velocities reachable in one tick from <paramref name="v"/>: speeding up at most MaxAcceleration, slowing at most
    /// MaxDeceleration; a sign change first brakes to zero, then accelerates for the rest of the tick.
    /// </summary>
    public static (double Lo, double Hi) VelocityWindow(double v, JointLimits l, double dt)
    {
        double acc = l.MaxAcceleration, dec = l.MaxDeceleration;
        if (v == 0)
        {
            return (-acc * dt, acc * dt);
        }

        var sign = Math.Sign(v);
        var speed = Math.Abs(v);
        var up = speed + (acc * dt);
        var down = speed - (dec * dt);
        if (down < 0)
        {
            down = -acc * Math.Max(0, dt - (speed / dec));
        }

        return sign > 0 ? (down, up) : (-up, -down);
    }

    /// <summary>Computes the output velocity.</summary>
    /// <param name="target">Target velocities after the rules (inside the hard box unless halting from outside it).</param>
    /// <param name="previous">Previous output velocities.</param>
    /// <param name="previousAcceleration">Previous output accelerations.</param>
    /// <param name="limits">Axis limits.</param>
    /// <param name="hardLo">Hard lower velocity bounds.</param>
    /// <param name="hardHi">Hard upper velocity bounds.</param>
    /// <param name="dt">Period (s), &gt; 0.</param>
    /// <param name="halting">When true, no component may speed up or change sign.</param>
    /// <param name="output">Output velocities.</param>
    /// <param name="acceleration">Output accelerations ((output − previous)/dt).</param>
    public static SafetyStatus Step(
        ReadOnlySpan<double> target,
        ReadOnlySpan<double> previous,
        ReadOnlySpan<double> previousAcceleration,
        ReadOnlySpan<JointLimits> limits,
        ReadOnlySpan<double> hardLo,
        ReadOnlySpan<double> hardHi,
        double dt,
        bool halting,
        Span<double> output,
        Span<double> acceleration)
    {
        var n = target.Length;
        var status = SafetyStatus.None;

        // 1. Acceleration: largest k ∈ [0, 1] keeping previous + k·(target − previous) inside every velocity window.
        var k = 1.0;
        for (var i = 0; i < n; i++)
        {
            var e = target[i] - previous[i];
            var (lo, hi) = VelocityWindow(previous[i], limits[i], dt);
            if (e > 0 && previous[i] + e > hi)
            {
                k = Math.Min(k, Math.Max(0, (hi - previous[i]) / e));
            }
            else if (e < 0 && previous[i] + e < lo)
            {
                k = Math.Min(k, Math.Max(0, (lo - previous[i]) / e));
            }
        }

        if (k < 1)
        {
            status |= SafetyStatus.AccelerationLimit;
        }

        // 2. Jerk: shape the desired acceleration so it can ramp down before reaching the target (√(2·j·|e|)), then
        //    scale the change of acceleration so no component exceeds j·dt.
        var shape = 1.0;
        var kj = 1.0;
        for (var i = 0; i < n; i++)
        {
            var j = limits[i].MaxJerk;
            if (!double.IsFinite(j))
            {
                continue;
            }

            var e = target[i] - previous[i];
            var aDes = k * e / dt;
            var cap = Math.Sqrt(2 * j * Math.Abs(e));
            if (Math.Abs(aDes) > cap)
            {
                shape = Math.Min(shape, cap / Math.Abs(aDes));
            }
        }

        for (var i = 0; i < n; i++)
        {
            var j = limits[i].MaxJerk;
            if (!double.IsFinite(j))
            {
                continue;
            }

            var change = Math.Abs((shape * k * (target[i] - previous[i]) / dt) - previousAcceleration[i]);
            if (change > j * dt)
            {
                kj = Math.Min(kj, j * dt / change);
            }
        }

        if (kj < 1 || shape < 1)
        {
            status |= SafetyStatus.JerkLimit;
        }

        for (var i = 0; i < n; i++)
        {
            var j = limits[i].MaxJerk;
            var aDes = shape * k * (target[i] - previous[i]) / dt;
            var a = double.IsFinite(j) ? previousAcceleration[i] + (kj * (aDes - previousAcceleration[i])) : aDes;
            var v = previous[i] + (a * dt);

            // 3. Hard constraints win over jerk: no overshoot past the target (it already holds every scaling rule), the
            //    acceleration window, no speeding up while halting, the hard velocity box.
            var (lo, hi) = VelocityWindow(previous[i], limits[i], dt);
            lo = Math.Max(lo, Math.Min(previous[i], target[i]));
            hi = Math.Min(hi, Math.Max(previous[i], target[i]));
            if (halting)
            {
                lo = Math.Max(lo, Math.Min(0, previous[i]));
                hi = Math.Min(hi, Math.Max(0, previous[i]));
            }

            var bounded = Math.Clamp(v, lo, hi);
            var boxed = Math.Clamp(bounded, hardLo[i], hardHi[i]);
            if (boxed != bounded)
            {
                status |= SafetyStatus.PositionLimit;
            }

            output[i] = boxed;
            acceleration[i] = (boxed - previous[i]) / dt;
            if (Math.Abs(acceleration[i] - previousAcceleration[i]) > j * dt * (1 + 1e-9))
            {
                status |= SafetyStatus.JerkLimitRelaxed;
            }
        }

        return status;
    }
}
