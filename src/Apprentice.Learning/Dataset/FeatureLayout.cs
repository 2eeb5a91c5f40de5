using Apprentice.Core.Policies.Card;

namespace Apprentice.Learning.Dataset;

/// <summary>One model input's slice of the observation vector.</summary>
/// <param name="Name">Model input name (<c>joint_pos</c>, <c>joint_vel</c>, <c>goal</c>, <c>scan</c>).</param>
/// <param name="Source">Kind of data, as in the policy card.</param>
/// <param name="TopicRole">The card's topic role.</param>
/// <param name="Offset">First feature index.</param>
/// <param name="Length">Number of features.</param>
public sealed record FeatureSlice(string Name, InputSourceKind Source, string TopicRole, int Offset, int Length);

/// <summary>The observation vector: the model inputs concatenated in order (the exported graph concatenates them the same way).</summary>
public sealed record FeatureLayout
{
    /// <summary>The inputs in order.</summary>
    public required IReadOnlyList<FeatureSlice> Inputs { get; init; }

    /// <summary>Joint order of the joint inputs and of the action.</summary>
    public required IReadOnlyList<string> JointNames { get; init; }

    /// <summary>Total features.</summary>
    public int FeatureCount => Inputs.Sum(i => i.Length);

    /// <summary>Action values per sample (one per joint).</summary>
    public int ActionCount => JointNames.Count;

    /// <summary>Readable names of each feature, e.g. <c>joint_pos.panda_joint1</c>, <c>goal.x</c>, <c>scan.3</c>.</summary>
    public IReadOnlyList<string> FeatureNames() =>
        [.. Inputs.SelectMany(i => Enumerable.Range(0, i.Length).Select(k => i.Name + "." + ElementName(i, k)))];

    /// <summary>Builds the layout the options describe.</summary>
    public static FeatureLayout For(DatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var j = options.JointNames.Count;
        var inputs = new List<FeatureSlice> { new("joint_pos", InputSourceKind.Joints, "joint_states", 0, j) };
        var offset = j;
        if (options.IncludeJointVelocities)
        {
            inputs.Add(new("joint_vel", InputSourceKind.JointVelocities, "joint_states", offset, j));
            offset += j;
        }

        if (options.GoalTopic is not null)
        {
            inputs.Add(new("goal", InputSourceKind.Reference, "goal_pose", offset, 3));
            offset += 3;
        }

        if (options.ScanBins is { } bins)
        {
            inputs.Add(new("scan", InputSourceKind.LidarBins, "scan", offset, bins.BinCount));
        }

        return new FeatureLayout { Inputs = inputs, JointNames = [.. options.JointNames] };
    }

    private string ElementName(FeatureSlice slice, int k) => slice.Source switch
    {
        InputSourceKind.Joints or InputSourceKind.JointVelocities => JointNames[k],
        InputSourceKind.Reference when slice.Length == 3 => "xyz"[k].ToString(),
        _ => k.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
