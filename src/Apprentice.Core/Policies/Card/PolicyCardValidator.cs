namespace Apprentice.Core.Policies.Card;

/// <summary>
/// Checks a policy card on its own, against the model's real inputs and outputs, and against the
/// configured robot joints. Collects every problem (it never stops at the first), so one error
/// message lists all fields to fix. Pure; thread-safe.
/// </summary>
public static class PolicyCardValidator
{
    /// <summary>All problems of the card on its own (no model, no robot).</summary>
    public static IReadOnlyList<PolicyCardError> Check(PolicyCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var errors = new List<PolicyCardError>();
        CardChecks.CheckCard(card, errors);
        return errors;
    }

    /// <summary>All problems of the card, of the card against <paramref name="model"/>, and against the robot.</summary>
    /// <param name="card">The card.</param>
    /// <param name="model">The model's declared inputs and outputs.</param>
    /// <param name="robotJointNames">Configured robot joints; null skips the robot checks.</param>
    public static IReadOnlyList<PolicyCardError> Check(
        PolicyCard card, ModelSignature model, IReadOnlyCollection<string>? robotJointNames)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(model);
        var errors = new List<PolicyCardError>();
        CardChecks.CheckCard(card, errors);
        ModelChecks.CheckInputs(card, model, errors);
        ModelChecks.CheckAction(card, model, errors);
        if (robotJointNames is not null)
        {
            RobotChecks.Check(card, robotJointNames, errors);
        }

        return errors;
    }

    /// <summary>Throws when <see cref="Check(PolicyCard, ModelSignature, IReadOnlyCollection{string}?)"/> finds any problem.</summary>
    /// <param name="card">The card.</param>
    /// <param name="model">The model's declared inputs and outputs.</param>
    /// <param name="robotJointNames">Configured robot joints; null skips the robot checks.</param>
    /// <param name="origin">Where the card came from (the model path), for the message.</param>
    /// <exception cref="PolicyCardException">Listing every problem, one line per field.</exception>
    public static void EnsureValid(
        PolicyCard card, ModelSignature model, IReadOnlyCollection<string>? robotJointNames, string origin)
    {
        var errors = Check(card, model, robotJointNames);
        if (errors.Count > 0)
        {
            throw new PolicyCardException(origin, errors);
        }
    }
}
