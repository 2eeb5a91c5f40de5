using Apprentice.Core.Policies.Card;
using Apprentice.Learning.Dataset;
using Apprentice.Learning.Training;
using Apprentice.Onnx.Writer;

namespace Apprentice.Learning.Export;

/// <summary>
/// Writes a <see cref="BcPolicy"/> as an ONNX model with its policy card: one input per
/// <see cref="FeatureLayout"/> slice (<c>[1, n]</c>, normalised by the node's encoders with the
/// card's Mean/Std) → Concat → Gemm/Relu … → Gemm → <c>·std + mean</c> → <c>action</c> <c>[1, J]</c>
/// in command units. Deterministic: the same policy gives the same bytes.
/// </summary>
public static class PolicyExport
{
    /// <summary>Builds the model.</summary>
    /// <exception cref="PolicyCardException">The card is inconsistent (a bug, not a user error).</exception>
    public static OnnxModelBuilder Build(BcPolicy policy, PolicyExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        options ??= PolicyExportOptions.Default;
        var (layout, stats, net) = (policy.Layout, policy.Statistics, policy.Network);
        var m = new OnnxModelBuilder("apprentice_bc_policy");
        if (options.DocString.Length > 0)
        {
            m.DocString = options.DocString;
        }

        var inputs = layout.Inputs.Select(s => m.Input(s.Name, 1, s.Length)).ToArray();
        var x = inputs.Length == 1 ? inputs[0] : inputs[0].Concat(1, inputs[1..]);
        for (var l = 0; l < net.LayerCount; l++)
        {
            x = x.Gemm(
                m.Initializer($"w{l}", net.Weights[l], net.Sizes[l], net.Sizes[l + 1]),
                m.Initializer($"b{l}", net.Biases[l], net.Sizes[l + 1]));
            if (l < net.LayerCount - 1)
            {
                x = x.Relu();
            }
        }

        var a = layout.ActionCount;
        var action = x.Mul(m.Initializer("action_std", stats.ActionStd, 1, a)).Add(m.Initializer("action_mean", stats.ActionMean, 1, a));
        m.Output(action, "action", 1, a);
        return m.WithPolicyCard(Card(policy, options));
    }

    /// <summary>The model bytes.</summary>
    public static byte[] ToBytes(BcPolicy policy, PolicyExportOptions? options = null) => Build(policy, options).ToBytes();

    /// <summary>Writes the model to <paramref name="path"/>.</summary>
    public static void Save(BcPolicy policy, string path, PolicyExportOptions? options = null) =>
        File.WriteAllBytes(path, ToBytes(policy, options));

    /// <summary>The card of the exported model.</summary>
    public static PolicyCard Card(BcPolicy policy, PolicyExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        options ??= PolicyExportOptions.Default;
        var (layout, stats) = (policy.Layout, policy.Statistics);
        return new PolicyCard
        {
            Name = options.Name,
            Inputs = [.. layout.Inputs.Select(s => new PolicyInputSpec
            {
                Name = s.Name,
                Source = s.Source,
                TopicRole = s.TopicRole,
                Shape = [1, s.Length],
                Mean = Slice(stats.ObservationMean, s),
                Std = Slice(stats.ObservationStd, s),
                JointNames = s.Source is InputSourceKind.Joints or InputSourceKind.JointVelocities ? [.. layout.JointNames] : [],
            })],
            Action = new ActionLayout { OutputName = "action", JointNames = [.. layout.JointNames], Mode = ActionMode.Velocity, Units = options.ActionUnits },
            ChunkLength = 1,
            ControlRateHz = policy.ControlRateHz,
            TrainingStatistics = [.. layout.Inputs.Select(s => new FeatureStatistics
            {
                Input = s.Name, Mean = Slice(stats.ObservationMean, s), Std = Slice(stats.ObservationRawStd, s), Count = stats.Count,
            })],
        };
    }

    private static float[] Slice(float[] values, FeatureSlice s) => values.AsSpan(s.Offset, s.Length).ToArray();
}
