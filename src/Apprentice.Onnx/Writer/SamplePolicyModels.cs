using Apprentice.Core.Policies.Card;

namespace Apprentice.Onnx.Writer;

/// <summary>
/// The two reference policy shapes of the project, with seeded random (untrained) weights and
/// their cards embedded: for benchmarks, the control-loop bench verb and smoke tests. Weights
/// use a 1/√fan-in scale so activations stay in range.
/// </summary>
public static class SamplePolicyModels
{
    /// <summary>
    /// MLP: <c>joints</c> [1, J] and <c>lidar</c> [1, bins] → Concat → Gemm(hidden) → Relu →
    /// Gemm(J) → Tanh → <c>action</c> [1, J] (position mode, single step).
    /// </summary>
    /// <param name="jointNames">Commanded (and observed) joints, in order.</param>
    /// <param name="lidarBins">Number of LiDAR angular bins. Default 64.</param>
    /// <param name="hidden">Hidden width. Default 64.</param>
    /// <param name="controlRateHz">Control rate written into the card [Hz]. Default 500.</param>
    /// <param name="seed">Seed of the random weights.</param>
    public static OnnxModelBuilder Mlp(
        IReadOnlyList<string> jointNames, int lidarBins = 64, int hidden = 64, double controlRateHz = 500, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(jointNames);
        var j = jointNames.Count;
        var random = new Random(seed);
        var m = new OnnxModelBuilder("sample_mlp_policy");
        var joints = m.Input("joints", "batch", j);
        var lidar = m.Input("lidar", "batch", lidarBins);
        var action = joints.Concat(1, lidar)
            .Gemm(Weights(m, random, "w1", hidden, j + lidarBins), Weights(m, random, "b1", hidden), transB: true)
            .Relu()
            .Gemm(Weights(m, random, "w2", j, hidden), Weights(m, random, "b2", j), transB: true)
            .Tanh();
        m.Output(action, "action", "batch", j);
        return m.WithPolicyCard(new PolicyCard
        {
            Name = "sample-mlp",
            Inputs = [JointsInput(jointNames), new PolicyInputSpec
            {
                Name = "lidar", Source = InputSourceKind.LidarBins, TopicRole = "scan", Shape = [1, lidarBins],
            }],
            Action = Action(jointNames),
            ControlRateHz = controlRateHz,
        });
    }

    /// <summary>
    /// Small CNN: <c>image</c> [1, 3, S, S] → Conv(8, 5×5, s2) → Relu → MaxPool(2) → Conv(16, 3×3, s2)
    /// → Relu → MaxPool(2) → Flatten → Concat <c>joints</c> → Gemm(128) → Relu → Gemm(chunk·J) →
    /// Tanh → <c>action</c> [1, chunk, J]. <paramref name="imageSize"/> must be a multiple of 16.
    /// </summary>
    /// <param name="jointNames">Commanded (and observed) joints, in order.</param>
    /// <param name="imageSize">Square image side [px]. Default 96.</param>
    /// <param name="chunk">Action chunk length. Default 20.</param>
    /// <param name="controlRateHz">Control rate written into the card [Hz]. Default 30.</param>
    /// <param name="seed">Seed of the random weights.</param>
    public static OnnxModelBuilder Cnn(
        IReadOnlyList<string> jointNames, int imageSize = 96, int chunk = 20, double controlRateHz = 30, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(jointNames);
        if (imageSize <= 0 || imageSize % 16 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "The image side must be a positive multiple of 16.");
        }

        var j = jointNames.Count;
        var random = new Random(seed);
        var m = new OnnxModelBuilder("sample_cnn_policy");
        var image = m.Input("image", 1, 3, imageSize, imageSize);
        var joints = m.Input("joints", 1, j);
        var side = imageSize / 16;
        var flat = 16 * side * side;
        var features = image
            .Conv(Weights(m, random, "c1w", 8, 3, 5, 5), Weights(m, random, "c1b", 8), strides: [2, 2], pads: [2, 2, 2, 2])
            .Relu()
            .MaxPool([2, 2], strides: [2, 2])
            .Conv(Weights(m, random, "c2w", 16, 8, 3, 3), Weights(m, random, "c2b", 16), strides: [2, 2], pads: [1, 1, 1, 1])
            .Relu()
            .MaxPool([2, 2], strides: [2, 2])
            .Flatten();
        var action = features.Concat(1, joints)
            .Gemm(Weights(m, random, "f1w", 128, flat + j), Weights(m, random, "f1b", 128), transB: true)
            .Relu()
            .Gemm(Weights(m, random, "f2w", chunk * j, 128), Weights(m, random, "f2b", chunk * j), transB: true)
            .Tanh()
            .Reshape(1, chunk, j);
        m.Output(action, "action", 1, chunk, j);
        return m.WithPolicyCard(new PolicyCard
        {
            Name = "sample-cnn",
            Inputs = [new PolicyInputSpec
            {
                Name = "image", Source = InputSourceKind.Image, TopicRole = "camera", Shape = [1, 3, imageSize, imageSize],
                Mean = [0.485f, 0.456f, 0.406f], Std = [0.229f, 0.224f, 0.225f],
            }, JointsInput(jointNames)],
            Action = Action(jointNames),
            ChunkLength = chunk,
            ControlRateHz = controlRateHz,
        });
    }

    private static PolicyInputSpec JointsInput(IReadOnlyList<string> jointNames) => new()
    {
        Name = "joints", Source = InputSourceKind.Joints, TopicRole = "joint_states",
        Shape = [1, jointNames.Count], JointNames = [.. jointNames],
    };

    private static ActionLayout Action(IReadOnlyList<string> jointNames) => new()
    {
        OutputName = "action", JointNames = [.. jointNames], Mode = ActionMode.Position, Units = "rad",
    };

    private static OnnxValue Weights(OnnxModelBuilder m, Random random, string name, params long[] dims)
    {
        long count = 1;
        foreach (var d in dims)
        {
            count *= d;
        }

        var fanIn = dims.Length > 1 ? count / dims[0] : 1;
        var scale = 1.0 / Math.Sqrt(fanIn);
        var values = new float[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(((random.NextDouble() * 2) - 1) * scale);
        }

        return m.Initializer(name, values, dims);
    }
}
