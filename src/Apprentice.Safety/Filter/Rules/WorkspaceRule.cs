using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Zones;

namespace Apprentice.Safety.Filter.Rules;

/// <summary>
/// Keeps the end effector inside a box: its speed toward each face is limited to √(2·a·d) (0 at or beyond the face less
/// the margin) by scaling the whole command. Motion back into the box is free. Pure given the solver's state; allocation-free.
/// </summary>
public static class WorkspaceRule
{
    /// <summary>Evaluates the rule for joint velocities <paramref name="target"/>; <paramref name="kinematics"/> must be updated to the current state.</summary>
    public static RuleResult Evaluate(KinematicsSolver kinematics, ReadOnlySpan<double> target, WorkspaceBox box)
    {
        ArgumentNullException.ThrowIfNull(kinematics);
        ArgumentNullException.ThrowIfNull(box);
        var tipLink = kinematics.Chain.LinkNames.Count - 1;
        var p = kinematics.TipPose.Translation;
        var u = kinematics.PointVelocity(tipLink, p, target);
        var s = 1.0;
        s = Math.Min(s, Face(box.Max.X - box.MarginM - p.X, u.X, box.MaxDecelerationMPerSec2));
        s = Math.Min(s, Face(p.X - (box.Min.X + box.MarginM), -u.X, box.MaxDecelerationMPerSec2));
        s = Math.Min(s, Face(box.Max.Y - box.MarginM - p.Y, u.Y, box.MaxDecelerationMPerSec2));
        s = Math.Min(s, Face(p.Y - (box.Min.Y + box.MarginM), -u.Y, box.MaxDecelerationMPerSec2));
        s = Math.Min(s, Face(box.Max.Z - box.MarginM - p.Z, u.Z, box.MaxDecelerationMPerSec2));
        s = Math.Min(s, Face(p.Z - (box.Min.Z + box.MarginM), -u.Z, box.MaxDecelerationMPerSec2));
        return RuleResult.ScaleBy(s, SafetyStatus.WorkspaceLimit);
    }

    /// <summary>True when <paramref name="p"/> lies inside the box less its margin.</summary>
    public static bool Inside(WorkspaceBox box, Vec3 p)
    {
        ArgumentNullException.ThrowIfNull(box);
        var m = box.MarginM;
        return p.X >= box.Min.X + m && p.X <= box.Max.X - m && p.Y >= box.Min.Y + m && p.Y <= box.Max.Y - m && p.Z >= box.Min.Z + m && p.Z <= box.Max.Z - m;
    }

    private static double Face(double distance, double speedToward, double deceleration)
    {
        if (speedToward <= 0)
        {
            return 1;
        }

        var allowed = distance > 0 ? Math.Sqrt(2 * deceleration * distance) : 0;
        return allowed >= speedToward ? 1 : allowed / speedToward;
    }
}
