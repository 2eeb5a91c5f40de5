using Apprentice.Safety.Model;

namespace Apprentice.Safety.Limits;

/// <summary>Merged limits of a set of joints and the warnings raised while merging.</summary>
/// <param name="JointNames">Joint names, in the order of <paramref name="Limits"/>.</param>
/// <param name="Limits">Merged limits per joint.</param>
/// <param name="Warnings">Ignored loosening overrides, one readable line each.</param>
public sealed record MergedJointLimits(IReadOnlyList<string> JointNames, JointLimits[] Limits, IReadOnlyList<string> Warnings);

/// <summary>
/// Merges URDF limits with ros2_control <c>joint_limits</c> parameters (flat keys such as
/// <c>joint_limits.panda_joint1.max_velocity</c>; a node/ros__parameters prefix before <c>joint_limits.</c> is allowed).
/// Configuration can only tighten a URDF limit or add a limit the URDF lacks (acceleration, deceleration, jerk);
/// a loosening value is ignored with a warning or rejected, per <see cref="LooseningPolicy"/>.
/// <c>max_deceleration</c> defaults to <c>max_acceleration</c>. Configure-time; allocates.
/// </summary>
public static class JointLimitsMerger
{
    private const string Prefix = "joint_limits.";

    private static readonly HashSet<string> KnownFields =
    [
        "has_position_limits", "min_position", "max_position", "has_velocity_limits", "max_velocity",
        "has_acceleration_limits", "max_acceleration", "has_deceleration_limits", "max_deceleration",
        "has_jerk_limits", "max_jerk", "has_effort_limits", "max_effort", "angle_wraparound",
        "has_soft_limits", "k_position", "k_velocity", "soft_lower_limit", "soft_upper_limit",
    ];

    /// <summary>Merges limits for <paramref name="jointNames"/>.</summary>
    /// <exception cref="LimitsConfigException">A key names an unknown joint or field, a value is malformed, or (with <see cref="LooseningPolicy.Reject"/>) a value loosens a URDF limit.</exception>
    public static MergedJointLimits Merge(
        RobotDescription robot,
        IReadOnlyList<string> jointNames,
        IReadOnlyDictionary<string, string> parameters,
        LooseningPolicy policy = LooseningPolicy.IgnoreWithWarning)
    {
        ArgumentNullException.ThrowIfNull(robot);
        ArgumentNullException.ThrowIfNull(jointNames);
        ArgumentNullException.ThrowIfNull(parameters);
        var perJoint = Group(robot, parameters);
        var warnings = new List<string>();
        var result = new JointLimits[jointNames.Count];
        for (var i = 0; i < jointNames.Count; i++)
        {
            var joint = robot.Joint(jointNames[i]);
            var fields = perJoint.GetValueOrDefault(joint.Name) ?? [];
            result[i] = new JointMerge(joint, fields, policy, warnings).Run();
        }

        return new MergedJointLimits([.. jointNames], result, warnings);
    }

    /// <summary>The URDF limits of one joint alone (no configuration).</summary>
    public static JointLimits FromUrdf(UrdfJoint joint)
    {
        ArgumentNullException.ThrowIfNull(joint);
        return new JointMerge(joint, [], LooseningPolicy.Reject, []).Run();
    }

    private static Dictionary<string, Dictionary<string, (string Key, string Value)>> Group(RobotDescription robot, IReadOnlyDictionary<string, string> parameters)
    {
        var perJoint = new Dictionary<string, Dictionary<string, (string, string)>>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            var at = key.StartsWith(Prefix, StringComparison.Ordinal) ? 0 : key.IndexOf("." + Prefix, StringComparison.Ordinal) + 1;
            if (at <= 0 && !key.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key[(at + Prefix.Length)..];
            var dot = rest.LastIndexOf('.');
            if (dot <= 0)
            {
                throw new LimitsConfigException($"parameter '{key}': expected joint_limits.<joint>.<field>.");
            }

            var (joint, field) = (rest[..dot], rest[(dot + 1)..]);
            if (!KnownFields.Contains(field))
            {
                throw new LimitsConfigException($"parameter '{key}': unknown field '{field}'; known fields: {string.Join(", ", KnownFields)}.");
            }

            if (!robot.HasJoint(joint))
            {
                throw new LimitsConfigException($"parameter '{key}': the URDF '{robot.Name}' has no joint '{joint}'; fix the joint name.");
            }

            if (!perJoint.TryGetValue(joint, out var fields))
            {
                perJoint[joint] = fields = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            }

            fields[field] = (key, value);
        }

        return perJoint;
    }
}
