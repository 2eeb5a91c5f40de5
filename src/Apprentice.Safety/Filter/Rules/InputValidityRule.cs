using Apprentice.Safety.Limits;

namespace Apprentice.Safety.Filter.Rules;

/// <summary>Rejects non-finite, wrongly sized or implausible commands and non-finite states (⇒ smooth halt). Pure; allocation-free.</summary>
public static class InputValidityRule
{
    /// <summary>Evaluates the rule.</summary>
    /// <param name="command">Desired velocities.</param>
    /// <param name="position">Measured positions (empty allowed when no axis has position limits).</param>
    /// <param name="limits">Axis limits.</param>
    /// <param name="plausibilityFactor">Components beyond this multiple of the velocity limit are rejected.</param>
    public static RuleResult Evaluate(ReadOnlySpan<double> command, ReadOnlySpan<double> position, ReadOnlySpan<JointLimits> limits, double plausibilityFactor)
    {
        var result = RuleResult.Pass;
        if (command.Length != limits.Length)
        {
            return RuleResult.Halt(SafetyStatus.CommandOutOfRange);
        }

        for (var i = 0; i < command.Length; i++)
        {
            if (!double.IsFinite(command[i]))
            {
                return RuleResult.Halt(SafetyStatus.NonFiniteCommand);
            }

            if (Math.Abs(command[i]) > plausibilityFactor * limits[i].MaxVelocity)
            {
                result = RuleResult.Halt(SafetyStatus.CommandOutOfRange);
            }
        }

        var needsPosition = false;
        foreach (var l in limits)
        {
            needsPosition |= l.HasPositionLimits || l.HasSoftLimits;
        }

        if (needsPosition && position.Length != limits.Length)
        {
            return RuleResult.MostConservative(result, RuleResult.Halt(SafetyStatus.NonFiniteState));
        }

        foreach (var q in position)
        {
            if (!double.IsFinite(q))
            {
                return RuleResult.MostConservative(result, RuleResult.Halt(SafetyStatus.NonFiniteState));
            }
        }

        return result;
    }
}
