using Apprentice.Core.Policies.Card;
using Apprentice.Core.Preprocessing;

namespace Apprentice.Learning.Dataset;

/// <summary>
/// How bags become (observation, action) samples. Defaults match the reach task of spec-s2
/// (Panda, 20 Hz, velocity commands, goal from <c>/goal_pose</c>). Immutable; validated once by
/// <see cref="DatasetBuilder"/>.
/// </summary>
public sealed record DatasetOptions
{
    /// <summary>The seven Panda joints, the default observation and action order.</summary>
    public static IReadOnlyList<string> PandaJoints { get; } =
        ["panda_joint1", "panda_joint2", "panda_joint3", "panda_joint4", "panda_joint5", "panda_joint6", "panda_joint7"];

    /// <summary>Default options.</summary>
    public static DatasetOptions Default { get; } = new();

    /// <summary>Sampling (control) rate of the samples [Hz]. Default 20.</summary>
    public double ControlRateHz { get; init; } = 20;

    /// <summary>Observed and commanded joints, in order. Default panda_joint1..7.</summary>
    public IReadOnlyList<string> JointNames { get; init; } = PandaJoints;

    /// <summary>sensor_msgs/JointState topic. Default <c>/joint_states</c>.</summary>
    public string JointStatesTopic { get; init; } = "/joint_states";

    /// <summary>geometry_msgs/PoseStamped goal topic (its position is the <c>goal</c> input); null for no goal input. Default <c>/goal_pose</c>.</summary>
    public string? GoalTopic { get; init; } = "/goal_pose";

    /// <summary>sensor_msgs/LaserScan topic for the optional <c>scan</c> input; used only when <see cref="ScanBins"/> is set. Default <c>/scan</c>.</summary>
    public string ScanTopic { get; init; } = "/scan";

    /// <summary>Angular binning of the scan into the <c>scan</c> input; null (default) for no scan input.</summary>
    public AngularBinOptions? ScanBins { get; init; }

    /// <summary>Largest number of beams per scan accepted. Default 4096.</summary>
    public int ScanCapacityRanges { get; init; } = 4096;

    /// <summary>Include joint velocities as the <c>joint_vel</c> input. Default true.</summary>
    public bool IncludeJointVelocities { get; init; } = true;

    /// <summary>std_msgs/Float64MultiArray topic whose latest message is the action. Default the velocity controller's commands.</summary>
    public string ActionTopic { get; init; } = "/forward_velocity_controller/commands";

    /// <summary>
    /// DAgger aggregation: take actions from <see cref="CorrectionTopic"/> and keep only ticks inside
    /// intervention intervals (<see cref="InterventionTopic"/> <c>active</c> true). Default false.
    /// </summary>
    public bool InterventionsOnly { get; init; }

    /// <summary>The human/expert takeover commands (Float64MultiArray). Default <c>/teleop/commands</c>.</summary>
    public string CorrectionTopic { get; init; } = "/teleop/commands";

    /// <summary>apprentice/msg/Intervention topic. Default <c>/apprentice/intervention</c>.</summary>
    public string InterventionTopic { get; init; } = "/apprentice/intervention";

    /// <summary>apprentice/msg/EpisodeEvent topic the recorder writes. Default <c>/apprentice/episode_events</c>.</summary>
    public string EpisodeTopic { get; init; } = "/apprentice/episode_events";

    /// <summary>
    /// How long after a tick a command may arrive and still count as that tick's action: the node
    /// publishes its command a few ms after the snapshot it acted on. Default half a control period (25 ms at 20 Hz).
    /// </summary>
    public TimeSpan? ActionLatency { get; init; }

    /// <summary>A tick whose newest command is older than this has no action and is skipped. Default two control periods.</summary>
    public TimeSpan? ActionTimeout { get; init; }

    /// <summary>An input older than this at a tick makes the tick unusable (as in the node). Default 0.5 s.</summary>
    public TimeSpan InputTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Largest header-stamp spread of the inputs of one snapshot (as the node checks); null disables. Default 100 ms.</summary>
    public TimeSpan? MaxSkew { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Keep only episodes labelled successful. Default false (all not discarded).</summary>
    public bool SuccessfulOnly { get; init; }

    /// <summary>Smallest standard deviation in the normalisation statistics (constant features). Default 1e-3.</summary>
    public float StdFloor { get; init; } = 1e-3f;

    /// <summary>
    /// Options that produce exactly the inputs of <paramref name="card"/> (for evaluating an exported
    /// policy on bags): joints and rate from the card, joint_vel/goal on or off as the card has them.
    /// Topics and timing come from <paramref name="baseOptions"/> (default <see cref="Default"/>);
    /// a card with a <c>scan</c> input needs <see cref="ScanBins"/> set there.
    /// </summary>
    /// <exception cref="ArgumentException">The card has an input this builder does not produce, or scan bins are missing.</exception>
    public static DatasetOptions FromCard(PolicyCard card, DatasetOptions? baseOptions = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var o = baseOptions ?? Default;
        var names = card.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = names.Except(["joint_pos", "joint_vel", "goal", "scan"]).ToList();
        if (unknown.Count > 0 || !names.Contains("joint_pos"))
        {
            throw new ArgumentException($"the policy's inputs ({string.Join(", ", names)}) are not the reach layout (joint_pos, joint_vel, goal, scan); unknown: {string.Join(", ", unknown)}", nameof(card));
        }

        if (names.Contains("scan") && o.ScanBins is null)
        {
            throw new ArgumentException("the policy has a scan input; set ScanBins in the base options to its bin geometry", nameof(baseOptions));
        }

        return o with
        {
            JointNames = [.. card.Action.JointNames],
            ControlRateHz = card.ControlRateHz > 0 ? card.ControlRateHz : o.ControlRateHz,
            IncludeJointVelocities = names.Contains("joint_vel"),
            GoalTopic = names.Contains("goal") ? o.GoalTopic ?? Default.GoalTopic : null,
            ScanBins = names.Contains("scan") ? o.ScanBins : null,
        };
    }

    /// <summary>The control period.</summary>
    public TimeSpan Period => TimeSpan.FromSeconds(1 / ControlRateHz);

    /// <summary>The effective action latency.</summary>
    public TimeSpan EffectiveActionLatency => ActionLatency ?? Period / 2;

    /// <summary>The effective action timeout.</summary>
    public TimeSpan EffectiveActionTimeout => ActionTimeout ?? Period * 2;

    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentException">A field is out of range, naming it.</exception>
    public void Validate()
    {
        if (!(ControlRateHz > 0) || !double.IsFinite(ControlRateHz) || ControlRateHz > 10_000)
        {
            throw new ArgumentException($"control_rate_hz must be in (0, 10000] (got {ControlRateHz}).", nameof(ControlRateHz));
        }

        if (JointNames is null || JointNames.Count == 0 || JointNames.Distinct(StringComparer.Ordinal).Count() != JointNames.Count)
        {
            throw new ArgumentException("joint_names must list at least one joint, each once.", nameof(JointNames));
        }

        if (string.IsNullOrWhiteSpace(JointStatesTopic) || string.IsNullOrWhiteSpace(ActionTopic))
        {
            throw new ArgumentException("joint_states_topic and action_topic must be set.", nameof(ActionTopic));
        }

        ScanBins?.Validate("scan_bins");
        if (ScanCapacityRanges <= 0)
        {
            throw new ArgumentException("scan_capacity_ranges must be positive.", nameof(ScanCapacityRanges));
        }

        if (InputTimeout <= TimeSpan.Zero || EffectiveActionTimeout <= TimeSpan.Zero || EffectiveActionLatency < TimeSpan.Zero)
        {
            throw new ArgumentException("input_timeout and action_timeout must be positive and action_latency not negative.", nameof(InputTimeout));
        }

        if (MaxSkew is { } skew && skew < TimeSpan.Zero)
        {
            throw new ArgumentException("max_skew must not be negative.", nameof(MaxSkew));
        }

        if (!(StdFloor > 0) || !float.IsFinite(StdFloor))
        {
            throw new ArgumentException("std_floor must be positive and finite.", nameof(StdFloor));
        }
    }
}
