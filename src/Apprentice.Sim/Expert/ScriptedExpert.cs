using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Model;
using Apprentice.Safety.Planner;

namespace Apprentice.Sim.Expert;

/// <summary>
/// The scripted reach expert: a Cartesian minimum-jerk path from where the TCP is to the goal, tracked by
/// resolved-rate control (damped least squares on the <c>Apprentice.Safety</c> Jacobian, position plus holding the
/// home orientation), a null-space pull toward the home posture, and joint velocities scaled into the URDF limits.
/// The path is planned at the first call after <see cref="Reset"/> and re-planned when the goal moves or the TCP
/// leaves the path (so it also labels states a policy visits, for DAgger). Deterministic; no I/O; allocation-free
/// after construction. Not thread-safe: one instance per control loop.
/// </summary>
public sealed class ScriptedExpert
{
    private readonly KinematicsSolver _solver;
    private readonly ScriptedExpertOptions _options;
    private readonly double[] _home;
    private readonly double[] _maxVelocity;
    private readonly double[] _jacobian;
    private readonly double[] _null = new double[7];
    private readonly double[] _tmp = new double[7];
    private Transform3 _homeTcp;
    private bool _planned;
    private TimeSpan _start;
    private double _durationSec;
    private Vec3 _from;
    private Vec3 _goal;

    /// <summary>Creates the expert for the chain <paramref name="chain"/> (7 joints) with home posture <paramref name="home"/> [rad].</summary>
    public ScriptedExpert(KinematicChain chain, IReadOnlyList<double> maxVelocityRadPerSec, IReadOnlyList<double> home, ScriptedExpertOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(maxVelocityRadPerSec);
        ArgumentNullException.ThrowIfNull(home);
        if (maxVelocityRadPerSec.Count != chain.Dof || home.Count != chain.Dof)
        {
            throw new ArgumentException($"the chain has {chain.Dof} joints; velocity limits and home need as many values");
        }

        _solver = new KinematicsSolver(chain);
        _options = options ?? new ScriptedExpertOptions();
        _home = [.. home];
        _maxVelocity = [.. maxVelocityRadPerSec];
        _jacobian = new double[6 * chain.Dof];
        _solver.Update(_home);
        _homeTcp = _solver.TipPose;
    }

    /// <summary>The expert for the Panda of <paramref name="robot"/> (panda_link0 → panda_hand_tcp, URDF velocity limits).</summary>
    public static ScriptedExpert ForPanda(RobotDescription robot, IReadOnlyList<double> home, ScriptedExpertOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(robot);
        var chain = KinematicChain.Create(robot, "panda_link0", "panda_hand_tcp");
        var limits = chain.VariableNames.Select(n => robot.Joint(n).Limit?.Velocity ?? 1.0).ToArray();
        return new ScriptedExpert(chain, limits, home, options);
    }

    /// <summary>Degrees of freedom (7).</summary>
    public int Dof => _home.Length;

    /// <summary>Forgets the path; the next <see cref="Compute"/> plans afresh (call at each episode start).</summary>
    public void Reset() => _planned = false;

    /// <summary>
    /// Joint velocities [rad/s] that move the TCP toward <paramref name="goal"/> [m, base frame] from joint positions
    /// <paramref name="q"/> [rad] at time <paramref name="now"/> (any monotonic clock, e.g. episode time).
    /// </summary>
    public void Compute(TimeSpan now, ReadOnlySpan<double> q, Vec3 goal, Span<double> qdot)
    {
        var n = Dof;
        if (q.Length != n || qdot.Length != n)
        {
            throw new ArgumentException($"expected {n} joint values");
        }

        _solver.Update(q);
        var tcp = _solver.TipPose;
        var p = tcp.Translation;
        if (!_planned || (goal - _goal).Length > _options.ReplanGoalShiftM || (Desired(now, out _) - p).Length > _options.ReplanDeviationM)
        {
            Plan(now, p, goal);
        }

        var desired = Desired(now, out var feedforward);
        var kp = _options.PositionGainPerSec;
        var ko = _options.OrientationGainPerSec;
        var rot = tcp.OrientationErrorTo(_homeTcp);
        Span<double> twist = stackalloc double[6];
        twist[0] = feedforward.X + (kp * (desired.X - p.X));
        twist[1] = feedforward.Y + (kp * (desired.Y - p.Y));
        twist[2] = feedforward.Z + (kp * (desired.Z - p.Z));
        twist[3] = ko * rot.X;
        twist[4] = ko * rot.Y;
        twist[5] = ko * rot.Z;
        _solver.Jacobian(_jacobian);
        DampedLeastSquares.Solve(_jacobian, twist, _options.DampingLambda, qdot);

        // Null-space projection of the home pull: z − J⁺(J·z).
        for (var i = 0; i < n; i++)
        {
            _null[i] = _options.NullSpaceGainPerSec * (_home[i] - q[i]);
        }

        for (var r = 0; r < 6; r++)
        {
            var s = 0.0;
            for (var k = 0; k < n; k++)
            {
                s += _jacobian[(r * n) + k] * _null[k];
            }

            twist[r] = s;
        }

        DampedLeastSquares.Solve(_jacobian, twist, _options.DampingLambda, _tmp);
        var scale = 1.0;
        for (var i = 0; i < n; i++)
        {
            qdot[i] += _null[i] - _tmp[i];
            var limit = _options.VelocityLimitFraction * _maxVelocity[i];
            if (Math.Abs(qdot[i]) > limit)
            {
                scale = Math.Min(scale, limit / Math.Abs(qdot[i]));
            }
        }

        for (var i = 0; i < n; i++)
        {
            qdot[i] *= scale;
        }
    }

    private void Plan(TimeSpan now, Vec3 from, Vec3 goal)
    {
        var distance = (goal - from).Length;
        var seconds = distance / _options.AverageSpeedMPerSec;
        _durationSec = Math.Clamp(seconds, _options.MinDuration.TotalSeconds, _options.MaxDuration.TotalSeconds);
        (_start, _from, _goal, _planned) = (now, from, goal, true);
    }

    private Vec3 Desired(TimeSpan now, out Vec3 velocity)
    {
        var tau = (now - _start).TotalSeconds / _durationSec;
        velocity = MinimumJerk.Velocity(tau) / _durationSec * (_goal - _from);
        return _from + (MinimumJerk.Position(tau) * (_goal - _from));
    }
}
