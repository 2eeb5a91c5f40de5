using Apprentice.Safety.Model;

namespace Apprentice.Safety.Limits;

/// <summary>The merge of one joint's URDF limits with its configuration fields.</summary>
internal sealed class JointMerge(UrdfJoint joint, Dictionary<string, (string Key, string Value)> fields, LooseningPolicy policy, List<string> warnings)
{
    public JointLimits Run()
    {
        var urdf = joint.Limit;
        var bounded = joint.Type is JointType.Revolute or JointType.Prismatic && urdf is not null;
        var min = bounded ? urdf!.Lower : double.NegativeInfinity;
        var max = bounded ? urdf!.Upper : double.PositiveInfinity;
        var vel = urdf?.Velocity ?? double.PositiveInfinity;
        var effort = urdf?.Effort ?? double.PositiveInfinity;
        if (joint.Type == JointType.Fixed)
        {
            return JointLimits.Unlimited;
        }

        if (Enabled("has_position_limits", bounded))
        {
            min = Tighten("min_position", min, lower: true);
            max = Tighten("max_position", max, lower: false);
        }
        else if (bounded)
        {
            Loosen("has_position_limits", "disables the URDF position limits");
        }

        if (min > max)
        {
            throw new LimitsConfigException($"joint '{joint.Name}': merged min_position {min} is above max_position {max}; fix joint_limits.{joint.Name}.min_position/max_position.");
        }

        vel = Section("has_velocity_limits", "max_velocity", vel);
        effort = Section("has_effort_limits", "max_effort", effort);
        var acc = Section("has_acceleration_limits", "max_acceleration", double.PositiveInfinity);
        var dec = fields.ContainsKey("max_deceleration") ? Section("has_deceleration_limits", "max_deceleration", double.PositiveInfinity) : acc;
        var jerk = Section("has_jerk_limits", "max_jerk", double.PositiveInfinity);
        var limits = new JointLimits(min, max, vel, acc, dec, jerk, effort);
        return Soft(limits);
    }

    private JointLimits Soft(JointLimits limits)
    {
        var sc = joint.SafetyController;
        var (lo, hi, kp, kv) = sc is null
            ? (double.NegativeInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity)
            : (sc.SoftLowerLimit, sc.SoftUpperLimit, sc.KPosition, sc.KVelocity);
        if (Enabled("has_soft_limits", sc is not null))
        {
            lo = Tighten("soft_lower_limit", lo, lower: true);
            hi = Tighten("soft_upper_limit", hi, lower: false);
            kp = Tighten("k_position", kp, lower: false);
            kv = Tighten("k_velocity", kv, lower: false);
        }
        else if (sc is not null)
        {
            Loosen("has_soft_limits", "disables the URDF safety_controller soft limits");
        }

        return limits with { SoftLowerLimit = lo, SoftUpperLimit = hi, KPosition = kp, KVelocity = kv };
    }

    private double Section(string hasField, string valueField, double urdfValue)
    {
        if (!Enabled(hasField, double.IsFinite(urdfValue) || fields.ContainsKey(valueField)))
        {
            if (double.IsFinite(urdfValue))
            {
                Loosen(hasField, $"disables the URDF limit {urdfValue}");
                return urdfValue;
            }

            return double.PositiveInfinity;
        }

        return Tighten(valueField, urdfValue, lower: false);
    }

    private bool Enabled(string field, bool byDefault) =>
        fields.TryGetValue(field, out var kv) ? ParameterReader.Bool(kv.Key, kv.Value) : byDefault;

    private double Tighten(string field, double current, bool lower)
    {
        if (!fields.TryGetValue(field, out var kv))
        {
            return current;
        }

        var value = field is "min_position" or "max_position" or "soft_lower_limit" or "soft_upper_limit"
            ? ParameterReader.Number(kv.Key, kv.Value)
            : ParameterReader.NonNegative(kv.Key, kv.Value);
        var tighter = lower ? value >= current : value <= current;
        if (tighter || double.IsNaN(current))
        {
            return value;
        }

        Loosen(field, $"{value} is looser than the URDF value {current}");
        return current;
    }

    private void Loosen(string field, string what)
    {
        var message = $"joint_limits.{joint.Name}.{field}: {what}; configuration may only tighten URDF limits, so the URDF value is kept.";
        if (policy == LooseningPolicy.Reject)
        {
            throw new LimitsConfigException(message + " Remove the override or edit the URDF.");
        }

        warnings.Add(message);
    }
}
