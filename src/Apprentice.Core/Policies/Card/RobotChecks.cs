namespace Apprentice.Core.Policies.Card;

/// <summary>Checks of the card's joint names against the configured robot.</summary>
internal static class RobotChecks
{
    public static void Check(PolicyCard card, IReadOnlyCollection<string> robotJoints, List<PolicyCardError> errors)
    {
        var known = new HashSet<string>(robotJoints, StringComparer.Ordinal);
        var list = string.Join(", ", robotJoints);
        CheckList(card.Action.JointNames, "action.joint_names", known, list, errors);
        for (var i = 0; i < card.Inputs.Count; i++)
        {
            CheckList(card.Inputs[i].JointNames, $"inputs[{i}].joint_names", known, list, errors);
        }
    }

    private static void CheckList(
        IReadOnlyList<string> names, string at, HashSet<string> known, string list, List<PolicyCardError> errors)
    {
        for (var k = 0; k < names.Count; k++)
        {
            if (!string.IsNullOrWhiteSpace(names[k]) && !known.Contains(names[k]))
            {
                errors.Add(new($"{at}[{k}]", $"joint '{names[k]}' is not a configured robot joint (configured: {list})."));
            }
        }
    }
}
