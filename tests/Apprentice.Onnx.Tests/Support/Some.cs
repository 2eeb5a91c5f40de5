using Apprentice.Core.Policies.Card;

namespace Apprentice.Onnx.Tests.Support;

/// <summary>Small builders of test values.</summary>
internal static class Some
{
    public static readonly string[] ArmJoints = ["j1", "j2", "j3", "j4", "j5", "j6", "j7"];

    public static float[] Floats(Random random, int count, float scale = 1f)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        }

        return values;
    }

    public static PolicyInputSpec Joints(string name = "joints", int count = 7) => new()
    {
        Name = name,
        Source = InputSourceKind.Joints,
        TopicRole = "joint_states",
        Shape = [1, count],
        JointNames = ArmJoints.Take(count).ToArray(),
        Mean = [0f],
        Std = [1f],
    };

    public static PolicyInputSpec Lidar(int bins = 64) => new()
    {
        Name = "lidar",
        Source = InputSourceKind.LidarBins,
        TopicRole = "scan",
        Shape = [1, bins],
        Mean = Enumerable.Repeat(2f, bins).ToArray(),
        Std = Enumerable.Repeat(1.5f, bins).ToArray(),
    };

    public static PolicyInputSpec Image(int size = 96) => new()
    {
        Name = "image",
        Source = InputSourceKind.Image,
        TopicRole = "wrist_camera",
        Shape = [1, 3, size, size],
        Mean = [0.485f, 0.456f, 0.406f],
        Std = [0.229f, 0.224f, 0.225f],
    };

    public static ActionLayout Action(string output = "action", int joints = 7) => new()
    {
        OutputName = output,
        JointNames = ArmJoints.Take(joints).ToArray(),
        Mode = ActionMode.Position,
        Units = "rad",
    };

    /// <summary>The MLP policy's card: joints 7 + LiDAR 64 → 7 joint positions.</summary>
    public static PolicyCard MlpCard() => new()
    {
        Name = "mlp-test",
        Inputs = [Joints(), Lidar()],
        Action = Action(),
        ChunkLength = 1,
        ControlRateHz = 500,
        TrainingStatistics =
        [
            new FeatureStatistics { Input = "joints", Mean = new float[7], Std = Enumerable.Repeat(0.5f, 7).ToArray(), Count = 1200 },
        ],
    };

    /// <summary>The CNN policy's card: 96×96 RGB + joints → chunk of 20 × 7.</summary>
    public static PolicyCard CnnCard() => new()
    {
        Name = "cnn-test",
        Inputs = [Image(), Joints()],
        Action = Action(),
        ChunkLength = 20,
        ControlRateHz = 30,
    };

    public static ModelSignature MlpSignature() => new(
        [
            new TensorSignature("joints", TensorElementKind.Float32, [-1, 7]),
            new TensorSignature("lidar", TensorElementKind.Float32, [-1, 64]),
        ],
        [new TensorSignature("action", TensorElementKind.Float32, [-1, 7])]);
}
