namespace Apprentice.Core.Policies.Card;

/// <summary>Checks of the card on its own.</summary>
internal static class CardChecks
{
    public static void CheckCard(PolicyCard card, List<PolicyCardError> errors)
    {
        if (card.Version != PolicyCard.CurrentVersion)
        {
            errors.Add(new("version", $"card version {card.Version} is not supported; this build reads version {PolicyCard.CurrentVersion}."));
        }

        if (card.ChunkLength < 1)
        {
            errors.Add(new("chunk_length", $"is {card.ChunkLength}; it must be at least 1 (1 = single-step policy)."));
        }

        if (!double.IsFinite(card.ControlRateHz) || card.ControlRateHz <= 0)
        {
            errors.Add(new("control_rate_hz", $"is {card.ControlRateHz}; it must be a positive number of hertz."));
        }

        if (card.Inputs.Count == 0)
        {
            errors.Add(new("inputs", "the card names no inputs; describe every model input."));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < card.Inputs.Count; i++)
        {
            CheckInput(card.Inputs[i], $"inputs[{i}]", names, errors);
        }

        CheckAction(card.Action, errors);
        for (var i = 0; i < card.TrainingStatistics.Count; i++)
        {
            CheckStatistics(card, card.TrainingStatistics[i], $"training_statistics[{i}]", errors);
        }
    }

    private static void CheckInput(PolicyInputSpec input, string at, HashSet<string> names, List<PolicyCardError> errors)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new(at + ".name", "is empty; use the model input's name."));
        }
        else if (!names.Add(input.Name))
        {
            errors.Add(new(at + ".name", $"'{input.Name}' is described twice; each input appears once."));
        }

        if (string.IsNullOrWhiteSpace(input.TopicRole))
        {
            errors.Add(new(at + ".topic_role", "is empty; name the configured topic role that feeds this input."));
        }

        if (input.Shape.Count == 0)
        {
            errors.Add(new(at + ".shape", "is empty; give the full tensor shape, batch first (for example [1, 71])."));
        }

        for (var k = 0; k < input.Shape.Count; k++)
        {
            if (input.Shape[k] <= 0)
            {
                errors.Add(new($"{at}.shape[{k}]", $"is {input.Shape[k]}; every dimension must be positive."));
            }
        }

        var elements = input.Shape.Where(d => d > 0).Aggregate(1.0, (n, d) => n * d);
        if (elements > PolicyCard.MaxInputElements)
        {
            errors.Add(new(at + ".shape", $"holds more than {PolicyCard.MaxInputElements} elements; the runtime will not allocate that."));
        }

        if (input.History < 1)
        {
            errors.Add(new(at + ".history", $"is {input.History}; it must be at least 1."));
        }

        Vectors.CheckMeanStd(input.Shape, input.Mean, input.Std, at, strictlyPositiveStd: true, errors);
        if (input.Source is InputSourceKind.Joints or InputSourceKind.JointVelocities)
        {
            CheckJointInput(input, at, errors);
        }
    }

    private static void CheckJointInput(PolicyInputSpec input, string at, List<PolicyCardError> errors)
    {
        if (input.JointNames.Count == 0)
        {
            errors.Add(new(at + ".joint_names", "is empty; a joints input lists its joints in feature order."));
            return;
        }

        Vectors.CheckNames(input.JointNames, at + ".joint_names", errors);
        if (input.Shape.Count > 0 && input.Shape[^1] > 0 && input.Shape[^1] != input.JointNames.Count)
        {
            errors.Add(new(at + ".joint_names",
                $"lists {input.JointNames.Count} joints but the last dimension of shape is {input.Shape[^1]}."));
        }
    }

    private static void CheckAction(ActionLayout action, List<PolicyCardError> errors)
    {
        if (string.IsNullOrWhiteSpace(action.OutputName))
        {
            errors.Add(new("action.output_name", "is empty; name the model output holding the action."));
        }

        if (action.JointNames.Count == 0)
        {
            errors.Add(new("action.joint_names", "is empty; list the commanded joints in output order."));
        }

        Vectors.CheckNames(action.JointNames, "action.joint_names", errors);
        if (string.IsNullOrWhiteSpace(action.Units))
        {
            errors.Add(new("action.units", "is empty; say the unit of the values (for example \"rad\" or \"rad/s\")."));
        }
    }

    private static void CheckStatistics(PolicyCard card, FeatureStatistics stats, string at, List<PolicyCardError> errors)
    {
        var input = card.Inputs.FirstOrDefault(i => i.Name == stats.Input);
        if (input is null)
        {
            errors.Add(new(at + ".input", $"'{stats.Input}' is not one of the card's inputs."));
        }

        if (stats.Count <= 0)
        {
            errors.Add(new(at + ".count", $"is {stats.Count}; statistics need at least one training sample."));
        }

        if (stats.Mean.Count == 0)
        {
            errors.Add(new(at + ".mean", "is empty; give one mean per feature."));
        }

        Vectors.CheckMeanStd(input?.Shape ?? [], stats.Mean, stats.Std, at, strictlyPositiveStd: false, errors);
    }
}
