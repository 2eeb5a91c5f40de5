using Apprentice.Onnx.Tests.Support;
using Apprentice.Onnx.Writer;
using Microsoft.ML.OnnxRuntime;

namespace Apprentice.Onnx.Tests.Writer;

/// <summary>Each operator the builder writes computes, in ONNX Runtime, what a plain C# loop computes.</summary>
public sealed class OperatorTests
{
    [Test]
    public void Elementwise_operators_with_broadcasting_match_the_reference()
    {
        var random = new Random(21);
        var x = Some.Floats(random, 4);
        var a = Some.Floats(random, 4);
        var b = Some.Floats(random, 4);
        var c = 0.25f;
        var d = new[] { 1.5f, -2f, 3f, 0.5f };
        var w = Some.Floats(random, 4 * 3);

        var m = new OnnxModelBuilder();
        var input = m.Input("x", 1, 4);
        var y = input.Mul(m.Initializer("a", a, 4))
            .Add(m.Initializer("b", b, 1, 4))
            .Sub(m.Initializer("c", [c]))
            .Div(m.Initializer("d", d, 4))
            .Sigmoid()
            .MatMul(m.Initializer("w", w, 4, 3))
            .Relu();
        m.Output(y, "y", 1, 3);

        var expected = new float[3];
        var s = new float[4];
        for (var i = 0; i < 4; i++)
        {
            s[i] = 1f / (1f + MathF.Exp(-((((x[i] * a[i]) + b[i]) - c) / d[i])));
        }

        for (var j = 0; j < 3; j++)
        {
            double sum = 0;
            for (var i = 0; i < 4; i++)
            {
                sum += s[i] * w[(i * 3) + j];
            }

            expected[j] = (float)Math.Max(sum, 0);
        }

        Assert.That(Run(m, ("x", x, [1, 4])), Is.EqualTo(expected).Within(1e-5));
    }

    [Test]
    public void Reshape_flatten_and_concat_keep_row_major_order()
    {
        var m = new OnnxModelBuilder();
        var x = m.Input("x", 1, 2, 3);
        var z = m.Input("z", 1, 2);
        var y = x.Flatten().Concat(1, z).Reshape(1, 4, 2).Tanh().Identity();
        m.Output(y, "y", 1, 4, 2);
        float[] xs = [0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f];
        float[] zs = [0.7f, 0.8f];

        var expected = xs.Concat(zs).Select(MathF.Tanh).ToArray();
        Assert.That(Run(m, ("x", xs, [1, 2, 3]), ("z", zs, [1, 2])), Is.EqualTo(expected).Within(1e-6));
    }

    private static float[] Run(OnnxModelBuilder model, params (string Name, float[] Data, long[] Shape)[] inputs)
    {
        using var session = new InferenceSession(model.ToBytes());
        var values = inputs.Select(i => OrtValue.CreateTensorValueFromMemory(i.Data, i.Shape)).ToArray();
        try
        {
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, inputs.Select(i => i.Name).ToArray(), values, session.OutputNames);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            foreach (var v in values)
            {
                v.Dispose();
            }
        }
    }
}
