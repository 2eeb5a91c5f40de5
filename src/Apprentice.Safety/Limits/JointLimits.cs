namespace Apprentice.Safety.Limits;

/// <summary>
/// Limits of one commanded axis (a joint, or a base twist axis), in its units: position rad or m, velocity /s,
/// acceleration /s², jerk /s³. An absent limit is +∞ (position bounds: ±∞). Immutable value type.
/// </summary>
/// <param name="MinPosition">Lower position limit (−∞ when none).</param>
/// <param name="MaxPosition">Upper position limit (+∞ when none).</param>
/// <param name="MaxVelocity">Speed limit.</param>
/// <param name="MaxAcceleration">Limit on acceleration while speed grows.</param>
/// <param name="MaxDeceleration">Limit on acceleration while speed shrinks (braking).</param>
/// <param name="MaxJerk">Limit on the rate of change of acceleration.</param>
/// <param name="MaxEffort">Effort limit (N·m or N); informational for velocity commands.</param>
public readonly record struct JointLimits(
    double MinPosition,
    double MaxPosition,
    double MaxVelocity,
    double MaxAcceleration,
    double MaxDeceleration,
    double MaxJerk,
    double MaxEffort)
{
    /// <summary>No limit at all.</summary>
    public static JointLimits Unlimited { get; } = new(double.NegativeInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity);

    /// <summary>Soft lower position limit (−∞ when none).</summary>
    public double SoftLowerLimit { get; init; } = double.NegativeInfinity;

    /// <summary>Soft upper position limit (+∞ when none).</summary>
    public double SoftUpperLimit { get; init; } = double.PositiveInfinity;

    /// <summary>Soft-limit position gain k_position (1/s): near a soft limit the speed toward it is at most k·distance. +∞ when no soft limits.</summary>
    public double KPosition { get; init; } = double.PositiveInfinity;

    /// <summary>Soft-limit velocity gain k_velocity (informational).</summary>
    public double KVelocity { get; init; } = double.PositiveInfinity;

    /// <summary>True when the axis has a finite position range.</summary>
    public bool HasPositionLimits => double.IsFinite(MinPosition) || double.IsFinite(MaxPosition);

    /// <summary>True when soft limits are configured.</summary>
    public bool HasSoftLimits => double.IsFinite(KPosition);

    /// <summary>
    /// The element-wise strictest combination of this value and a runtime override: an override can only tighten, so any
    /// looser or non-finite-where-finite field of <paramref name="requested"/> is ignored (NaN fields are ignored).
    /// </summary>
    public JointLimits Tighten(JointLimits requested) => new(
        Max(MinPosition, requested.MinPosition),
        Min(MaxPosition, requested.MaxPosition),
        Magnitude(MaxVelocity, requested.MaxVelocity),
        Magnitude(MaxAcceleration, requested.MaxAcceleration),
        Magnitude(MaxDeceleration, requested.MaxDeceleration),
        Magnitude(MaxJerk, requested.MaxJerk),
        Magnitude(MaxEffort, requested.MaxEffort))
    {
        SoftLowerLimit = Max(SoftLowerLimit, requested.SoftLowerLimit),
        SoftUpperLimit = Min(SoftUpperLimit, requested.SoftUpperLimit),
        KPosition = Magnitude(KPosition, requested.KPosition),
        KVelocity = Magnitude(KVelocity, requested.KVelocity),
    };

    private static double Min(double current, double requested) => double.IsNaN(requested) ? current : Math.Min(current, requested);

    private static double Max(double current, double requested) => double.IsNaN(requested) ? current : Math.Max(current, requested);

    // A negative magnitude would be meaningless; it is read as "stop" (0), the strictest value.
    private static double Magnitude(double current, double requested) => double.IsNaN(requested) ? current : Math.Min(current, Math.Max(0, requested));

    /// <summary>
    /// True when every limit of this value is at least as strict as the matching limit of <paramref name="other"/>
    /// (the "only tightens" relation used by overrides).
    /// </summary>
    public bool IsAtLeastAsStrictAs(JointLimits other) =>
        MinPosition >= other.MinPosition && MaxPosition <= other.MaxPosition && MaxVelocity <= other.MaxVelocity
        && MaxAcceleration <= other.MaxAcceleration && MaxDeceleration <= other.MaxDeceleration && MaxJerk <= other.MaxJerk
        && MaxEffort <= other.MaxEffort && SoftLowerLimit >= other.SoftLowerLimit && SoftUpperLimit <= other.SoftUpperLimit
        && KPosition <= other.KPosition;
}
