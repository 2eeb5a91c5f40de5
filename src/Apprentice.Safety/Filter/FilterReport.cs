namespace Apprentice.Safety.Filter;

/// <summary>
/// The outcome of one filter tick: merged status flags, whether the robot is halting, the scale applied to the target,
/// and each rule's verdict (indexed by <see cref="SafetyRule"/>; a view of the filter's buffer, valid until its next Update).
/// </summary>
public readonly struct FilterReport
{
    private readonly RuleResult[] _rules;

    internal FilterReport(SafetyStatus status, double targetScale, RuleResult[] rules)
    {
        Status = status;
        TargetScale = targetScale;
        _rules = rules;
    }

    /// <summary>All flags raised this tick.</summary>
    public SafetyStatus Status { get; }

    /// <summary>True when a halting rule acted.</summary>
    public bool Halting => (Status & SafetyStatus.Halting) != 0;

    /// <summary>Smallest whole-vector scale applied to the target by scaling rules (1 when none acted; 0 when halting).</summary>
    public double TargetScale { get; }

    /// <summary>Verdict per rule, indexed by <see cref="SafetyRule"/>.</summary>
    public ReadOnlySpan<RuleResult> Rules => _rules;

    /// <summary>The verdict of one rule.</summary>
    public RuleResult this[SafetyRule rule] => _rules[(int)rule];
}
