using Apprentice.Core.Policies.Card;
using Apprentice.Onnx.Writer;

namespace Apprentice.Onnx.Tests.Support;

/// <summary>
/// The MLP policy of the issue: joints [1,7] and LiDAR bins [1,64] → Concat → Gemm(32) → Relu
/// → Gemm(7) → Tanh → action [1,7]. Weights are seeded random; <see cref="Forward"/> is the
/// plain C# reference.
/// </summary>
internal sealed class MlpModel
{
    public const int Joints = 7;
    public const int Bins = 64;
    public const int Hidden = 32;

    public MlpModel(int seed)
    {
        var random = new Random(seed);
        W1 = Some.Floats(random, Hidden * (Joints + Bins), 0.3f);
        B1 = Some.Floats(random, Hidden, 0.1f);
        W2 = Some.Floats(random, Joints * Hidden, 0.3f);
        B2 = Some.Floats(random, Joints, 0.1f);
    }

    public float[] W1 { get; }

    public float[] B1 { get; }

    public float[] W2 { get; }

    public float[] B2 { get; }

    /// <summary>The graph with <paramref name="card"/> embedded (the MLP card by default); null card = none.</summary>
    public OnnxModelBuilder Build(PolicyCard? card, bool embedCard = true)
    {
        var m = new OnnxModelBuilder("mlp_policy");
        var joints = m.Input("joints", "batch", Joints);
        var lidar = m.Input("lidar", "batch", Bins);
        var w1 = m.Initializer("w1", W1, Hidden, Joints + Bins);
        var b1 = m.Initializer("b1", B1, Hidden);
        var w2 = m.Initializer("w2", W2, Joints, Hidden);
        var b2 = m.Initializer("b2", B2, Joints);
        var action = joints.Concat(1, lidar).Gemm(w1, b1, transB: true).Relu().Gemm(w2, b2, transB: true).Tanh();
        m.Output(action, "action", "batch", Joints);
        if (embedCard && card is not null)
        {
            m.WithPolicyCard(card);
        }

        return m;
    }

    public string Save(string path, PolicyCard? card = null)
    {
        Build(card ?? Some.MlpCard()).Save(path);
        return path;
    }

    public float[] Forward(float[] joints, float[] lidar)
    {
        float[] x = [.. joints, .. lidar];
        return Reference.Tanh(Reference.Dense(Reference.Relu(Reference.Dense(x, W1, B1)), W2, B2));
    }
}
