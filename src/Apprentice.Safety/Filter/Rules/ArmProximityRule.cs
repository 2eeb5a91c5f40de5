using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Zones;

namespace Apprentice.Safety.Filter.Rules;

/// <summary>
/// Link spheres versus obstacle points: inside the slowdown band the speed of each sphere toward each point is limited
/// (see <see cref="ArmProximityOptions"/>) by scaling the whole command; motion away is free. Pure given the solver's
/// state; allocation-free; O(spheres × points).
/// </summary>
public static class ArmProximityRule
{
    /// <summary>Speed allowed toward a point at surface distance <paramref name="distance"/>.</summary>
    public static double AllowedApproachSpeed(double distance, ArmProximityOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var free = distance - o.StopDistanceM;
        if (free <= 0)
        {
            return 0;
        }

        // A square-root ramp (constant deceleration) reaches zero at the stop distance in finite time; a linear ramp would
        // only creep toward it exponentially.
        var ramp = o.MaxApproachSpeedMPerSec * Math.Sqrt(free / (o.SlowdownDistanceM - o.StopDistanceM));
        return Math.Min(ramp, Math.Sqrt(2 * o.ApproachDecelerationMPerSec2 * free));
    }

    /// <summary>
    /// Evaluates the rule for joint velocities <paramref name="target"/>; <paramref name="kinematics"/> must be updated to
    /// the current state. <paramref name="command"/> is the raw command: inside the band the target never approaches a point
    /// faster than the command did (other rules' clamps must not add approach speed).
    /// </summary>
    public static RuleResult Evaluate(KinematicsSolver kinematics, ReadOnlySpan<double> target, ReadOnlySpan<double> command, ReadOnlySpan<Vec3> points, ArmProximityOptions options)
    {
        ArgumentNullException.ThrowIfNull(kinematics);
        ArgumentNullException.ThrowIfNull(options);
        var spheres = kinematics.Spheres;
        var links = kinematics.SphereLinks;
        var s = 1.0;
        var status = SafetyStatus.None;
        var band = options.SlowdownDistanceM;
        for (var k = 0; k < spheres.Length; k++)
        {
            var sphere = spheres[k];
            var reach = band + sphere.RadiusM;
            var reach2 = reach * reach;
            var velocityKnown = false;
            var v = Vec3.Zero;
            var vc = Vec3.Zero;
            foreach (var p in points)
            {
                var d = p - sphere.Center;
                var dist2 = d.LengthSquared;
                if (dist2 >= reach2)
                {
                    continue;
                }

                if (!velocityKnown)
                {
                    v = kinematics.PointVelocity(links[k], sphere.Center, target);
                    vc = command.Length == target.Length ? kinematics.PointVelocity(links[k], sphere.Center, command) : v;
                    velocityKnown = true;
                }

                var dist = Math.Sqrt(dist2);
                var approach = dist > 1e-9 ? Vec3.Dot(d, v) / dist : v.Length;
                if (approach <= 0)
                {
                    continue;
                }

                var surface = dist - sphere.RadiusM;
                var commanded = dist > 1e-9 ? Vec3.Dot(d, vc) / dist : vc.Length;
                var allowed = Math.Min(AllowedApproachSpeed(surface, options), Math.Max(0, commanded));
                if (approach > allowed)
                {
                    s = Math.Min(s, allowed / approach);
                    status |= surface <= options.StopDistanceM ? SafetyStatus.ObstacleStop : SafetyStatus.ObstacleSlowdown;
                }
            }
        }

        return status == SafetyStatus.None ? RuleResult.Pass : new RuleResult(RuleAction.Scale, s, status);
    }
}
