using Apprentice.Core.Control;
using Apprentice.Core.Observations;
using Apprentice.Core.Policies.Card;
using Apprentice.Core.Status;
using Apprentice.Safety.Blending;
using Apprentice.Safety.Control;
using Apprentice.Safety.Filter;
using Apprentice.Safety.Geometry;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// The control loop's safety stage (<see cref="ICommandFilter"/>) over the safety library: a fresh
/// human takeover command replaces the policy's and goes through the safety filter alone (no
/// blending); otherwise the policy's action (converted to joint velocities) is blended with the
/// planner's command by α and filtered (<see cref="SafetyController"/>); a fallback command is
/// filtered too. The LiDAR feeds the arm-proximity rule through the fixed scan→base transform.
/// After <see cref="Apply"/> the command holds safe velocities [rad/s or m/s].
/// </summary>
/// <remarks>Control thread only; allocation-free per tick.</remarks>
internal sealed class SafetyStage : ICommandFilter
{
    private readonly SafetyStageParts _p;
    private readonly double[] _raw;
    private readonly double[] _human;
    private readonly TimeSpan[] _stamps;
    private readonly Vec3[] _cloudPoints;

    public SafetyStage(SafetyStageParts parts)
    {
        _p = parts;
        var n = parts.Filter.Dof;
        (_raw, _human) = (new double[n], new double[n]);
        _stamps = new TimeSpan[parts.Inputs.Joints is null ? 0 : 1];
        _cloudPoints = new Vec3[parts.Inputs.Cloud?.CapacityPoints ?? 0];
    }

    /// <summary>Whether the last tick was driven by the human takeover command.</summary>
    public bool Intervening { get; private set; }

    /// <summary>OOD score of the last blended tick (NaN when none was computed).</summary>
    public double LastOodScore { get; private set; } = double.NaN;

    /// <summary>Safety flags of the last tick.</summary>
    public SafetyStatus LastStatus { get; private set; }

    /// <summary>Ticks in which a safety rule acted (flags other than the halting marker).</summary>
    public long ActingTicks { get; private set; }

    /// <summary>Whether the last tick's target was a halt (disabled, stale input, or a halting safety rule).</summary>
    public bool Halting { get; private set; }

    /// <summary>Whether the planner contributed to the last tick's command (α &lt; 1 with blending on).</summary>
    public bool Planned { get; private set; }

    /// <summary>When false (<c>~/enable</c> off) the command target is zero: the robot halts smoothly.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Planner goal tracking from the reference input.</summary>
    public ReferenceGoal? Goal => _p.Goal;

    /// <inheritdoc />
    public CommandFilterResult Apply(TimeSpan now, TimeSpan period, ObservationSnapshot snapshot, CommandSource source, Span<double> command)
    {
        var joints = _p.Inputs.Joints is { } box ? snapshot.Get(box) : null;
        var position = joints is { Sequence: > 0 } ? joints.Positions.AsSpan() : default;
        if (_stamps.Length > 0)
        {
            _stamps[0] = joints is { Sequence: > 0, IsUsable: true } ? joints.ReceivedAt : TimeSpan.MinValue;
        }

        _p.Goal?.Update(now, snapshot, position);
        var points = Obstacles(snapshot, out var scanStamp);
        var input = new SafetyTickInput(now, position, _raw, now)
        {
            InputStamps = _stamps,
            ObstaclePoints = points,
            ScanStamp = scanStamp,
            SpeedOverride = _p.Inputs.SpeedScale(now),
            HeartbeatStamp = _p.HeartbeatEnabled ? _p.Inputs.HeartbeatStamp : now,
        };

        Intervening = _p.Takeover?.TryGetFresh(now, _human) == true;
        var alpha = 0.0;
        LastOodScore = double.NaN;
        SafetyStatus status;
        if (Intervening)
        {
            _human.CopyTo(_raw, 0);
            status = _p.Filter.Update(input, period, command).Status;
        }
        else if (!Enabled || !snapshot.IsUsable)
        {
            // Disabled, or an input is stale, missing or misaligned: halt smoothly (the filter limits the deceleration).
            Array.Clear(_raw);
            status = _p.Filter.Update(input, period, command).Status;
        }
        else if (source == CommandSource.Policy)
        {
            ToVelocity(command, position, period);
            (status, alpha) = Controlled(period, InferenceStatus.Ok, input, command);
        }
        else
        {
            command.CopyTo(_raw);
            (status, alpha) = Controlled(period, InferenceStatus.Missing, input, command);
        }

        LastStatus = status;
        ActingTicks += (status & ~SafetyStatus.Halting) != 0 ? 1 : 0;
        Halting = (status & SafetyStatus.Halting) != 0 || (!Intervening && (!Enabled || !snapshot.IsUsable));
        Planned = _p.Controller is not null && !Halting && !Intervening && alpha < 1;
        return new CommandFilterResult((ulong)status, alpha);
    }

    /// <summary>Forgets motion memory (activation, reset): the filter starts from rest.</summary>
    public void Reset()
    {
        _p.Filter.Reset();
        _p.Takeover?.Clear();
        _p.Goal?.Clear();
    }

    private (SafetyStatus Status, double Alpha) Controlled(TimeSpan period, InferenceStatus inference, in SafetyTickInput input, Span<double> command)
    {
        if (_p.Controller is { } controller)
        {
            var ood = inference == InferenceStatus.Ok && _p.Ood is { } scorer ? scorer.Score() : double.NaN;
            LastOodScore = ood;
            var report = controller.Tick(period, _raw, inference, ood, double.NaN, input, command);
            return (report.Filter.Status, report.Authority.Alpha);
        }

        return (_p.Filter.Update(input, period, command).Status, inference == InferenceStatus.Ok ? 1.0 : 0.0);
    }

    private void ToVelocity(ReadOnlySpan<double> action, ReadOnlySpan<double> position, TimeSpan period)
    {
        var dt = period.TotalSeconds;
        for (var i = 0; i < _raw.Length; i++)
        {
            _raw[i] = _p.ActionMode switch
            {
                ActionMode.Velocity => action[i],
                ActionMode.Delta => action[i] / dt,
                // An absolute target with no measured position cannot be turned into motion: NaN makes the filter halt.
                _ => position.Length == _raw.Length ? (action[i] - position[i]) / dt : double.NaN,
            };
        }
    }

    private ReadOnlySpan<Vec3> Obstacles(ObservationSnapshot snapshot, out TimeSpan stamp)
    {
        stamp = TimeSpan.MinValue;
        if (_p.Projector is not { } projector)
        {
            return default;
        }

        if (_p.Inputs.Scan is { } scanBox)
        {
            var scan = snapshot.Get(scanBox);
            if (scan.Sequence == 0)
            {
                return default;
            }

            stamp = scan.ReceivedAt;
            return projector.Project(scan.Ranges, scan.AngleMinRad, scan.AngleIncrementRad, scan.RangeMinM, scan.RangeMaxM);
        }

        var cloud = snapshot.Get(_p.Inputs.Cloud!);
        if (cloud.Sequence == 0)
        {
            return default;
        }

        stamp = cloud.ReceivedAt;

        var xyz = cloud.Xyz;
        var n = Math.Min(cloud.Count, _cloudPoints.Length);
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            var p = new Vec3(xyz[3 * i], xyz[(3 * i) + 1], xyz[(3 * i) + 2]);
            if (p.IsFinite)
            {
                _cloudPoints[m++] = projector.SensorInBase.Apply(p);
            }
        }

        return _cloudPoints.AsSpan(0, m);
    }
}
