namespace Apprentice.Safety.Filter;

/// <summary>How a rule wants the command changed, from least to most conservative.</summary>
public enum RuleAction
{
    /// <summary>No change.</summary>
    Pass = 0,

    /// <summary>Scale the whole velocity vector by <see cref="RuleResult.Scale"/> (direction kept).</summary>
    Scale = 1,

    /// <summary>Clamp some components to per-axis bounds.</summary>
    Clamp = 2,

    /// <summary>Smooth halt (decelerate to zero within the deceleration limits).</summary>
    Halt = 3,
}

/// <summary>The verdict of one rule: action, scale factor in [0, 1] for <see cref="RuleAction.Scale"/>, and status flags.</summary>
/// <param name="Action">Action requested.</param>
/// <param name="Scale">Scale factor in [0, 1] (1 unless <paramref name="Action"/> is Scale).</param>
/// <param name="Status">Why.</param>
public readonly record struct RuleResult(RuleAction Action, double Scale, SafetyStatus Status)
{
    /// <summary>No change.</summary>
    public static RuleResult Pass => new(RuleAction.Pass, 1, SafetyStatus.None);

    /// <summary>A halt for <paramref name="status"/>.</summary>
    public static RuleResult Halt(SafetyStatus status) => new(RuleAction.Halt, 0, status | SafetyStatus.Halting);

    /// <summary>A scale (Pass when <paramref name="scale"/> ≥ 1).</summary>
    public static RuleResult ScaleBy(double scale, SafetyStatus status) =>
        scale >= 1 ? Pass : new RuleResult(RuleAction.Scale, Math.Max(0, scale), status);

    /// <summary>The more conservative of two verdicts (Halt over Clamp over Scale over Pass; the smaller scale); flags are merged.</summary>
    public static RuleResult MostConservative(RuleResult a, RuleResult b) =>
        new((RuleAction)Math.Max((int)a.Action, (int)b.Action), Math.Min(a.Scale, b.Scale), a.Status | b.Status);
}
