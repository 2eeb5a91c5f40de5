using Apprentice.Core.Policies.Card;
using Apprentice.Onnx.Writer;

namespace Apprentice.Onnx.Tests.Support;

/// <summary>
/// The CNN policy of the issue: image [1,3,96,96] → Conv(8, 5×5, s2, p2) → Relu → MaxPool(2)
/// → Conv(16, 3×3, s2, p1) → Relu → MaxPool(2) → Flatten [1,576] → Concat joints [1,7] →
/// Gemm(64) → Relu → Gemm(140) → Tanh → Reshape → action chunk [1,20,7].
/// </summary>
internal sealed class CnnModel
{
    public const int Size = 96;
    public const int Joints = 7;
    public const int Chunk = 20;
    private const int Flat = 16 * 6 * 6;

    public CnnModel(int seed)
    {
        var random = new Random(seed);
        C1W = Some.Floats(random, 8 * 3 * 5 * 5, 0.2f);
        C1B = Some.Floats(random, 8, 0.1f);
        C2W = Some.Floats(random, 16 * 8 * 3 * 3, 0.2f);
        C2B = Some.Floats(random, 16, 0.1f);
        F1W = Some.Floats(random, 64 * (Flat + Joints), 0.05f);
        F1B = Some.Floats(random, 64, 0.1f);
        F2W = Some.Floats(random, Chunk * Joints * 64, 0.2f);
        F2B = Some.Floats(random, Chunk * Joints, 0.1f);
    }

    public float[] C1W { get; }

    public float[] C1B { get; }

    public float[] C2W { get; }

    public float[] C2B { get; }

    public float[] F1W { get; }

    public float[] F1B { get; }

    public float[] F2W { get; }

    public float[] F2B { get; }

    public OnnxModelBuilder Build(PolicyCard card)
    {
        var m = new OnnxModelBuilder("cnn_policy");
        var image = m.Input("image", 1, 3, Size, Size);
        var joints = m.Input("joints", 1, Joints);
        var features = image
            .Conv(m.Initializer("c1w", C1W, 8, 3, 5, 5), m.Initializer("c1b", C1B, 8), strides: [2, 2], pads: [2, 2, 2, 2])
            .Relu()
            .MaxPool([2, 2], strides: [2, 2])
            .Conv(m.Initializer("c2w", C2W, 16, 8, 3, 3), m.Initializer("c2b", C2B, 16), strides: [2, 2], pads: [1, 1, 1, 1])
            .Relu()
            .MaxPool([2, 2], strides: [2, 2])
            .Flatten();
        var action = features.Concat(1, joints)
            .Gemm(m.Initializer("f1w", F1W, 64, Flat + Joints), m.Initializer("f1b", F1B, 64), transB: true)
            .Relu()
            .Gemm(m.Initializer("f2w", F2W, Chunk * Joints, 64), m.Initializer("f2b", F2B, Chunk * Joints), transB: true)
            .Tanh()
            .Reshape(1, Chunk, Joints);
        m.Output(action, "action", 1, Chunk, Joints);
        return m.WithPolicyCard(card);
    }

    public string Save(string path)
    {
        Build(Some.CnnCard()).Save(path);
        return path;
    }

    public float[] Forward(float[] image, float[] joints)
    {
        var x = Reference.Relu(Reference.Conv(image, 3, Size, Size, C1W, C1B, 5, 2, 2, out var h, out var w));
        x = Reference.MaxPool(x, 8, h, w, 2, 2, out h, out w);
        x = Reference.Relu(Reference.Conv(x, 8, h, w, C2W, C2B, 3, 2, 1, out h, out w));
        x = Reference.MaxPool(x, 16, h, w, 2, 2, out _, out _);
        float[] flat = [.. x, .. joints];
        return Reference.Tanh(Reference.Dense(Reference.Relu(Reference.Dense(flat, F1W, F1B)), F2W, F2B));
    }
}
