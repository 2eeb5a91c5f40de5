using Apprentice.Safety.Filter.Rules;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Limits;

namespace Apprentice.Safety.Filter;

/// <summary>
/// The last word before a velocity command leaves. Every tick all rules run (<see cref="SafetyRule"/>); halting rules
/// (invalid input, staleness, stop zones) set the target to zero; the speed override multiplies the command, and the
/// other scaling rules shrink the whole target vector by the smallest of their scales (the most conservative wins),
/// each judging the target left by the rules before it; position rules clamp components; then
/// <see cref="MotionLimiter"/> reaches the target within acceleration, deceleration and jerk limits, so a halt is a smooth
/// deceleration, never a jump to zero. The report records which rules acted.
/// <para>Real-time contract: after construction <see cref="Update"/> allocates nothing. Not thread-safe: one instance per control loop.</para>
/// </summary>
public sealed class SafetyFilter
{
    private readonly SafetyFilterOptions _options;
    private readonly JointLimits[] _limits;
    private readonly KinematicsSolver? _kinematics;
    private readonly double[] _target;
    private readonly double[] _hardLo;
    private readonly double[] _hardHi;
    private readonly double[] _previous;
    private readonly double[] _previousAcceleration;
    private readonly double[] _acceleration;
    private readonly RuleResult[] _rules = new RuleResult[Enum.GetValues<SafetyRule>().Length];

    /// <summary>Creates the filter.</summary>
    /// <param name="options">Options (validated here).</param>
    /// <param name="kinematics">Kinematics of the arm (needed for the workspace and proximity rules); null for bases.</param>
    /// <exception cref="LimitsConfigException">Invalid options, or a rule needs kinematics that were not given.</exception>
    public SafetyFilter(SafetyFilterOptions options, KinematicsSolver? kinematics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if ((options.Workspace is not null || options.ArmProximity is not null) && kinematics is null)
        {
            throw new LimitsConfigException("the workspace and arm proximity rules need the arm's KinematicsSolver; pass it to SafetyFilter.");
        }

        if (kinematics is not null && kinematics.Chain.Dof != options.Limits.Count)
        {
            throw new LimitsConfigException($"the kinematic chain has {kinematics.Chain.Dof} joints but {options.Limits.Count} limits were given.");
        }

        _options = options;
        _limits = [.. options.Limits];
        _kinematics = kinematics;
        var n = _limits.Length;
        (_target, _hardLo, _hardHi, _previous, _previousAcceleration, _acceleration) = (new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
    }

    /// <summary>Number of commanded axes.</summary>
    public int Dof => _limits.Length;

    /// <summary>The options in force.</summary>
    public SafetyFilterOptions Options => _options;

    /// <summary>The last output velocities.</summary>
    public ReadOnlySpan<double> LastOutput => _previous;

    /// <summary>The last output accelerations.</summary>
    public ReadOnlySpan<double> LastAcceleration => _previousAcceleration;

    /// <summary>Sets the filter's notion of the current velocity and acceleration (e.g. the measured state at start-up).</summary>
    public void Reset(ReadOnlySpan<double> velocity = default, ReadOnlySpan<double> acceleration = default)
    {
        _previous.AsSpan().Clear();
        _previousAcceleration.AsSpan().Clear();
        velocity.CopyTo(_previous);
        acceleration.CopyTo(_previousAcceleration);
    }

    /// <summary>Filters one command. Allocation-free; must be called once per control period.</summary>
    /// <param name="input">Command, state, stamps, obstacle points and override.</param>
    /// <param name="period">Control period (time since the previous tick).</param>
    /// <param name="output">Safe velocities (length <see cref="Dof"/>).</param>
    public FilterReport Update(in SafetyTickInput input, TimeSpan period, Span<double> output)
    {
        if (output.Length < Dof)
        {
            throw new ArgumentException($"output needs {Dof} elements", nameof(output));
        }

        var dt = period.TotalSeconds;
        var periodOk = dt > 0 && double.IsFinite(dt);
        dt = periodOk ? dt : _options.NominalPeriod.TotalSeconds;

        var validity = InputValidityRule.Evaluate(input.Command, input.Position, _limits, _options.CommandPlausibilityFactor);
        if (!periodOk)
        {
            validity = RuleResult.MostConservative(validity, RuleResult.Halt(SafetyStatus.InvalidPeriod));
        }

        var zones = _options.ArmProximity is not null || _options.Footprint is not null;
        _rules[(int)SafetyRule.CommandValidity] = validity;
        _rules[(int)SafetyRule.Freshness] = FreshnessRule.Evaluate(input, _options, zones);
        var halting = validity.Action == RuleAction.Halt || _rules[(int)SafetyRule.Freshness].Action == RuleAction.Halt;
        var stateOk = (validity.Status & SafetyStatus.NonFiniteState) == 0;

        var target = _target.AsSpan();
        if (halting)
        {
            target.Clear();
        }
        else
        {
            input.Command.CopyTo(target);
        }

        var over = ScalingRules.SpeedOverride(input.SpeedOverride);
        var vel = ScalingRules.Velocity(target, _limits);
        _rules[(int)SafetyRule.SpeedOverride] = over;
        _rules[(int)SafetyRule.Velocity] = vel;
        // The override scales the command (speed scaling), on top of the velocity limits: their product applies.
        var scale = over.Scale * vel.Scale;
        Scale(target, scale);

        var position = stateOk ? input.Position : default;
        _rules[(int)SafetyRule.Position] = PositionLimitRule.Apply(position, _limits, _options.PositionMargin, dt, _options.JerkAwareBraking, target, _hardLo, _hardHi);

        var workspace = RuleResult.Pass;
        var proximity = RuleResult.Pass;
        if (_kinematics is not null && stateOk && input.Position.Length == Dof && (_options.Workspace is not null || _options.ArmProximity is not null))
        {
            _kinematics.Update(input.Position);
            if (_options.Workspace is { } box)
            {
                workspace = WorkspaceRule.Evaluate(_kinematics, target, box);
                Scale(target, workspace.Scale);
            }

            if (_options.ArmProximity is { } prox)
            {
                proximity = ArmProximityRule.Evaluate(_kinematics, target, halting ? target : input.Command, input.ObstaclePoints, prox);
                Scale(target, proximity.Scale);
            }
        }

        _rules[(int)SafetyRule.Workspace] = workspace;
        _rules[(int)SafetyRule.ArmProximity] = proximity;

        var footprint = RuleResult.Pass;
        if (_options.Footprint is { } fz)
        {
            footprint = FootprintRule.Evaluate(target, input.ObstaclePoints, fz);
            if (footprint.Action == RuleAction.Halt)
            {
                halting = true;
                target.Clear();
            }
            else
            {
                Scale(target, footprint.Scale);
            }
        }

        _rules[(int)SafetyRule.Footprint] = footprint;
        scale = halting ? 0 : Math.Min(scale, Math.Min(workspace.Scale, Math.Min(proximity.Scale, footprint.Scale)));

        var dynamics = MotionLimiter.Step(target, _previous, _previousAcceleration, _limits, _hardLo, _hardHi, dt, halting, output[..Dof], _acceleration);
        _rules[(int)SafetyRule.Acceleration] = (dynamics & SafetyStatus.AccelerationLimit) != 0
            ? new RuleResult(RuleAction.Scale, 1, SafetyStatus.AccelerationLimit) : RuleResult.Pass;
        var jerkFlags = dynamics & (SafetyStatus.JerkLimit | SafetyStatus.JerkLimitRelaxed | SafetyStatus.PositionLimit);
        _rules[(int)SafetyRule.Jerk] = jerkFlags != 0 ? new RuleResult(RuleAction.Scale, 1, jerkFlags) : RuleResult.Pass;

        output[..Dof].CopyTo(_previous);
        _acceleration.CopyTo(_previousAcceleration.AsSpan());
        var status = SafetyStatus.None;
        foreach (var r in _rules)
        {
            status |= r.Status;
        }

        return new FilterReport(status, scale, _rules);
    }

    private static void Scale(Span<double> v, double s)
    {
        if (s >= 1)
        {
            return;
        }

        for (var i = 0; i < v.Length; i++)
        {
            v[i] *= s;
        }
    }
}
