using Apprentice.Safety.Geometry;
using Apprentice.Safety.Zones;

namespace Apprentice.Safety.Filter.Rules;

/// <summary>
/// Nav2-style base zones for a twist command (linear x m/s, angular z rad/s): stop polygon ⇒ smooth halt; slowdown polygon
/// ⇒ scale by the ratio; approach ⇒ simulate the command and scale so the predicted collision time stays at
/// TimeBeforeCollision. Pure; allocation-free.
/// </summary>
public static class FootprintRule
{
    /// <summary>Evaluates the rule; <paramref name="target"/> is [vx, wz].</summary>
    public static RuleResult Evaluate(ReadOnlySpan<double> target, ReadOnlySpan<Vec3> points, FootprintZonesOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.StopPolygon is { } stop && Count(stop, points, o) >= o.MinPoints)
        {
            return RuleResult.Halt(SafetyStatus.FootprintStop);
        }

        var result = RuleResult.Pass;
        if (o.SlowdownPolygon is { } slow && Count(slow, points, o) >= o.MinPoints)
        {
            result = RuleResult.ScaleBy(o.SlowdownRatio, SafetyStatus.FootprintSlowdown);
        }

        if (o.ApproachFootprint is { } fp && target.Length >= 2)
        {
            var t = TimeToCollision(fp, target[0], target[1], points, o);
            var horizon = o.TimeBeforeCollision.TotalSeconds;
            if (t < horizon)
            {
                result = RuleResult.MostConservative(result, new RuleResult(RuleAction.Scale, t / horizon, SafetyStatus.FootprintApproach));
            }
        }

        return result;
    }

    /// <summary>
    /// First simulated time (s) at which at least MinPoints points fall inside <paramref name="footprint"/> when driving
    /// at (vx, wz); +∞ when none within the horizon; 0 when already inside.
    /// </summary>
    public static double TimeToCollision(Polygon2 footprint, double vx, double wz, ReadOnlySpan<Vec3> points, FootprintZonesOptions o)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        ArgumentNullException.ThrowIfNull(o);
        var step = o.SimulationTimeStep.TotalSeconds;
        var steps = (int)Math.Ceiling(o.TimeBeforeCollision.TotalSeconds / step);
        for (var k = 0; k <= steps; k++)
        {
            var t = k * step;
            // Exact pose on the arc after time t.
            var th = wz * t;
            double x, y;
            if (Math.Abs(wz) < 1e-9)
            {
                (x, y) = (vx * t, 0);
            }
            else
            {
                (x, y) = (vx / wz * Math.Sin(th), vx / wz * (1 - Math.Cos(th)));
            }

            var (s, c) = Math.SinCos(th);
            var n = 0;
            foreach (var p in points)
            {
                if (p.Z < o.MinHeightM || p.Z > o.MaxHeightM)
                {
                    continue;
                }

                var (dx, dy) = (p.X - x, p.Y - y);
                if (footprint.Contains((c * dx) + (s * dy), (-s * dx) + (c * dy)) && ++n >= o.MinPoints)
                {
                    return t;
                }
            }

            if (vx == 0 && wz == 0)
            {
                break;
            }
        }

        return double.PositiveInfinity;
    }

    private static int Count(Polygon2 polygon, ReadOnlySpan<Vec3> points, FootprintZonesOptions o)
    {
        var n = 0;
        foreach (var p in points)
        {
            if (p.Z >= o.MinHeightM && p.Z <= o.MaxHeightM && polygon.Contains(p.X, p.Y))
            {
                n++;
            }
        }

        return n;
    }
}
