using Apprentice.Core.Observations;
using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Planner;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// Keeps the resolved-rate planner's goal on the reference input: a goal position (pose or point
/// reference, first three values, in the base frame) becomes a tool-position goal with the current
/// orientation; a joint-target reference becomes a joint goal. The planner re-plans (a new
/// minimum-jerk path from the current state) only when the reference moves, so a goal republished
/// at the sensor rate does not restart the path.
/// </summary>
/// <remarks>Control thread only; allocation-free.</remarks>
internal sealed class ReferenceGoal
{
    private const double MoveThreshold = 1e-3;
    private readonly ResolvedRatePlanner _planner;
    private readonly KinematicsSolver _fk;
    private readonly ReferenceBox _box;
    private readonly bool _jointTarget;
    private readonly double _speed;
    private readonly double[] _last;
    private bool _has;

    public ReferenceGoal(ResolvedRatePlanner planner, KinematicsSolver fk, ReferenceBox box, bool jointTarget, double speedPerSec)
    {
        (_planner, _fk, _box, _jointTarget, _speed) = (planner, fk, box, jointTarget, speedPerSec);
        _last = new double[box.Dimension];
    }

    /// <summary>Re-plans when a fresh reference differs from the one planned for.</summary>
    public void Update(TimeSpan now, ObservationSnapshot snapshot, ReadOnlySpan<double> q)
    {
        var sample = snapshot.Get(_box);
        if (sample.Sequence == 0 || !sample.IsUsable || q.Length != _fk.Chain.Dof || (_has && !Moved(sample.Values)))
        {
            return;
        }

        sample.Values.CopyTo(_last);
        _has = true;
        if (_jointTarget && sample.Values.Length == q.Length)
        {
            var far = 0.0;
            for (var i = 0; i < q.Length; i++)
            {
                far = Math.Max(far, Math.Abs(sample.Values[i] - q[i]));
            }

            _planner.SetJointGoal(q, sample.Values, now, Duration(far));
            return;
        }

        _fk.Update(q);
        var start = _fk.TipPose;
        var goal = start with { Translation = new Vec3(sample.Values[0], sample.Values[1], sample.Values[2]) };
        _planner.SetPoseGoal(start, goal, now, Duration((goal.Translation - start.Translation).Length));
    }

    /// <summary>Drops the goal (the planner commands zero until a reference arrives).</summary>
    public void Clear()
    {
        _has = false;
        _planner.ClearGoal();
    }

    private TimeSpan Duration(double distance) => TimeSpan.FromSeconds(Math.Max(0.5, distance / _speed));

    private bool Moved(ReadOnlySpan<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (Math.Abs(values[i] - _last[i]) > MoveThreshold)
            {
                return true;
            }
        }

        return false;
    }
}
