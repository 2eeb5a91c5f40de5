using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;

namespace Apprentice.Safety.Planner;

/// <summary>
/// Nominal command by resolved-rate control: a minimum-jerk reference from the start to the goal (tool pose or joint
/// target) over a duration, tracked with feed-forward plus proportional feedback, mapped to joint velocities by damped
/// least squares. Real-time contract: <see cref="Compute"/> allocates nothing. Not thread-safe.
/// </summary>
public sealed class ResolvedRatePlanner
{
    private readonly KinematicsSolver _kinematics;
    private readonly ResolvedRateOptions _options;
    private readonly double[] _jacobian;
    private readonly double[] _jointStart;
    private readonly double[] _jointGoal;
    private Transform3 _poseStart;
    private Transform3 _poseGoal;
    private Vec3 _rotation;
    private TimeSpan _startTime;
    private double _durationS;

    /// <summary>Creates the planner over <paramref name="kinematics"/> (its own solver instance: the planner updates it).</summary>
    public ResolvedRatePlanner(KinematicsSolver kinematics, ResolvedRateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kinematics);
        _kinematics = kinematics;
        _options = options ?? ResolvedRateOptions.Default;
        _options.Validate();
        var n = kinematics.Chain.Dof;
        (_jacobian, _jointStart, _jointGoal) = (new double[6 * n], new double[n], new double[n]);
    }

    /// <summary>The current goal kind.</summary>
    public PlannerGoal Goal { get; private set; }

    /// <summary>Sets a tool-pose goal reached along a minimum-jerk path from <paramref name="start"/> in <paramref name="duration"/>.</summary>
    public void SetPoseGoal(Transform3 start, Transform3 goal, TimeSpan startTime, TimeSpan duration)
    {
        (_poseStart, _poseGoal, _startTime, _durationS) = (start, goal, startTime, Math.Max(duration.TotalSeconds, 1e-3));
        _rotation = start.OrientationErrorTo(goal);
        Goal = PlannerGoal.Pose;
    }

    /// <summary>Sets a joint-space goal reached along a minimum-jerk path from <paramref name="start"/> in <paramref name="duration"/>.</summary>
    public void SetJointGoal(ReadOnlySpan<double> start, ReadOnlySpan<double> goal, TimeSpan startTime, TimeSpan duration)
    {
        start.CopyTo(_jointStart);
        goal.CopyTo(_jointGoal);
        (_startTime, _durationS) = (startTime, Math.Max(duration.TotalSeconds, 1e-3));
        Goal = PlannerGoal.Joint;
    }

    /// <summary>Removes the goal (the planner then commands zero).</summary>
    public void ClearGoal() => Goal = PlannerGoal.None;

    /// <summary>Joint velocities (rad/s) toward the reference at <paramref name="now"/> from joint positions <paramref name="q"/>. Returns false without a goal (output zero).</summary>
    public bool Compute(TimeSpan now, ReadOnlySpan<double> q, Span<double> qdot)
    {
        var n = _jointStart.Length;
        var tau = (now - _startTime).TotalSeconds / _durationS;
        var s = MinimumJerk.Position(tau);
        var sd = MinimumJerk.Velocity(tau) / _durationS;
        switch (Goal)
        {
            case PlannerGoal.Joint:
                for (var i = 0; i < n; i++)
                {
                    var delta = _jointGoal[i] - _jointStart[i];
                    var reference = _jointStart[i] + (s * delta);
                    qdot[i] = (sd * delta) + (_options.JointGainPerSec * (reference - q[i]));
                }

                return true;
            case PlannerGoal.Pose:
                _kinematics.Update(q);
                _kinematics.Jacobian(_jacobian);
                var current = _kinematics.TipPose;
                var refPos = _poseStart.Translation + (s * (_poseGoal.Translation - _poseStart.Translation));
                var refRot = Transform3.FromAxisAngle(_rotation.Normalized(), s * _rotation.Length) * (_poseStart with { Translation = Vec3.Zero });
                var v = (sd * (_poseGoal.Translation - _poseStart.Translation)) + (_options.LinearGainPerSec * (refPos - current.Translation));
                var w = (sd * _rotation) + (_options.AngularGainPerSec * current.OrientationErrorTo(refRot));
                v = Cap(v, _options.MaxLinearSpeedMPerSec);
                w = Cap(w, _options.MaxAngularSpeedRadPerSec);
                Span<double> twist = [v.X, v.Y, v.Z, w.X, w.Y, w.Z];
                DampedLeastSquares.Solve(_jacobian, twist, _options.DampingLambda, qdot[..n]);
                return true;
            default:
                qdot[..n].Clear();
                return false;
        }
    }

    private static Vec3 Cap(Vec3 v, double max)
    {
        var len = v.Length;
        return len > max ? (max / len) * v : v;
    }
}

/// <summary>Kind of goal a <see cref="ResolvedRatePlanner"/> tracks.</summary>
public enum PlannerGoal
{
    /// <summary>No goal: zero command.</summary>
    None,

    /// <summary>Tool pose goal.</summary>
    Pose,

    /// <summary>Joint-space goal.</summary>
    Joint,
}
