using Apprentice.Core;
using Apprentice.Core.Policies;
using Apprentice.Core.Policies.Card;
using Apprentice.Core.Preprocessing;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// Maps a policy card's inputs onto the node's boxes and builds one encoder per model input, writing
/// straight into the policy's input buffers. Inputs are matched by their source kind (joints,
/// LiDAR bins, image, reference), so any <c>topic_role</c> text works; the node's parameters name
/// the topics. Configure-time; allocates.
/// </summary>
internal static class CardWiring
{
    /// <summary>Joint orders of card inputs that differ from the configured joint order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ExtraJointOrders(PolicyCard card, IReadOnlyList<string> configured) =>
        card.Inputs
            .Where(i => i.Source is InputSourceKind.Joints or InputSourceKind.JointVelocities && i.JointNames.Count > 0 && !i.JointNames.SequenceEqual(configured))
            .Select(i => i.JointNames)
            .DistinctBy(n => string.Join('\n', n))
            .ToList();

    /// <summary>Values per reference: the card's reference input width, else 3 (a goal position) or the joint count for joint targets.</summary>
    public static int ReferenceDimension(PolicyCard card, PolicyNodeOptions options)
    {
        var spec = card.Inputs.FirstOrDefault(i => i.Source == InputSourceKind.Reference);
        if (spec is not null)
        {
            return spec.Shape.Count == 2 ? spec.Shape[1] : throw new ConfigurationException("policy card inputs." + spec.Name + ".shape", "a reference input must be [1, N].");
        }

        return options.Inputs.Reference.Type == "std_msgs/msg/Float64MultiArray" ? options.Robot.JointNames.Count : 3;
    }

    /// <summary>One encoder per card input.</summary>
    /// <exception cref="ConfigurationException">An input the node cannot feed (disabled topic, unsupported kind, history &gt; 1).</exception>
    public static IReadOnlyList<IObservationEncoder> Encoders(PolicyCard card, IPolicy policy, PolicyInputs inputs, PolicyNodeOptions options, IImageDecoder? decoder) =>
        Encoders(card, policy, inputs, options.Robot.JointNames, (float)options.Inputs.LidarRangeMinM, (float)options.Inputs.LidarRangeMaxM, decoder);

    /// <summary>One encoder per card input, over any set of boxes (the bench uses this too).</summary>
    /// <param name="card">The policy card.</param>
    /// <param name="policy">The policy whose input buffers the encoders write.</param>
    /// <param name="inputs">The boxes.</param>
    /// <param name="jointNames">Joint order of card inputs that name none.</param>
    /// <param name="lidarRangeMinM">Nearest range written into LiDAR bins [m].</param>
    /// <param name="lidarRangeMaxM">Farthest range written into LiDAR bins [m].</param>
    /// <param name="decoder">Decoder for compressed camera frames, or null.</param>
    public static IReadOnlyList<IObservationEncoder> Encoders(
        PolicyCard card, IPolicy policy, ICardInputs inputs, IReadOnlyList<string> jointNames, float lidarRangeMinM, float lidarRangeMaxM, IImageDecoder? decoder)
    {
        var encoders = new List<IObservationEncoder>();
        foreach (var spec in card.Inputs)
        {
            var at = "policy card inputs." + spec.Name;
            if (spec.History != 1)
            {
                throw new ConfigurationException(at + ".history", "the policy node feeds history 1 only (got " + spec.History + ").");
            }

            var buffer = policy.Inputs.First(b => b.Name == spec.Name).Buffer;
            encoders.Add(spec.Source switch
            {
                InputSourceKind.Joints or InputSourceKind.JointVelocities => Joints(spec, inputs, jointNames, buffer, at),
                InputSourceKind.LidarBins => Lidar(spec, inputs, lidarRangeMinM, lidarRangeMaxM, buffer, at),
                InputSourceKind.Image => Image(spec, inputs, buffer, decoder, at),
                InputSourceKind.Reference => new ReferenceEncoder(spec.Name, inputs.Reference ?? throw Missing(at, "reference"), spec.Mean, spec.Std, buffer),
                _ => throw new ConfigurationException(at + ".source", "source '" + spec.Source + "' is not fed by the policy node (joints, joint_velocities, lidar_bins, image, reference are)."),
            });
        }

        return encoders;
    }

    private static JointStateEncoder Joints(PolicyInputSpec spec, ICardInputs inputs, IReadOnlyList<string> jointNames, Memory<float> buffer, string at)
    {
        var order = spec.JointNames.Count > 0 ? spec.JointNames : jointNames;
        var box = inputs.JointBoxes.FirstOrDefault(b => Enumerable.Range(0, b.Order.Count).Select(i => b.Order[i]).SequenceEqual(order))
            ?? throw Missing(at, "joint_states");
        var velocities = spec.Source == InputSourceKind.JointVelocities;
        return new JointStateEncoder(spec.Name, box, new JointStateEncoderOptions
        {
            Positions = !velocities,
            Velocities = velocities,
            Mean = Expand(spec.Mean, order.Count),
            Std = Expand(spec.Std, order.Count),
        }, buffer);
    }

    private static LidarEncoder Lidar(PolicyInputSpec spec, ICardInputs inputs, float rangeMinM, float rangeMaxM, Memory<float> buffer, string at)
    {
        var binner = new AngularBinner(new AngularBinOptions
        {
            BinCount = spec.Shape.Count == 2 ? spec.Shape[1] : throw new ConfigurationException(at + ".shape", "LiDAR bins must be [1, B]."),
            RangeMinM = rangeMinM,
            RangeMaxM = rangeMaxM,
        });
        return inputs.Scan is { } scan ? new LidarEncoder(spec.Name, scan, binner, buffer)
            : inputs.Cloud is { } cloud ? new LidarEncoder(spec.Name, cloud, binner, buffer)
            : throw Missing(at, "lidar");
    }

    private static ImageEncoder Image(PolicyInputSpec spec, ICardInputs inputs, Memory<float> buffer, IImageDecoder? decoder, string at)
    {
        if (spec.Shape.Count != 4)
        {
            throw new ConfigurationException(at + ".shape", "an image input must be [1, C, H, W].");
        }

        var pre = new ImagePreprocessor(new ImagePreprocessOptions
        {
            OutputChannels = spec.Shape[1], OutputHeight = spec.Shape[2], OutputWidth = spec.Shape[3], Mean = spec.Mean, Std = spec.Std,
        });
        return new ImageEncoder(spec.Name, inputs.Camera ?? throw Missing(at, "camera"), pre, buffer, decoder);
    }

    private static float[] Expand(IReadOnlyList<float> values, int n) =>
        values.Count == 1 ? Enumerable.Repeat(values[0], n).ToArray() : [.. values];

    private static ConfigurationException Missing(string at, string role) =>
        new("inputs." + role + ".topic", "the policy needs this input for " + at + "; set the topic (and its type).");
}
