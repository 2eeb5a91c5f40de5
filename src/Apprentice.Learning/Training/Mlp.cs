using System.Numerics.Tensors;

namespace Apprentice.Learning.Training;

/// <summary>
/// A fully connected ReLU network in float: <c>h = relu(x·W₀ + b₀)</c> … <c>y = h·Wₙ + bₙ</c>.
/// Weights are stored input-major (<c>W[in × out]</c>, the ONNX Gemm layout without transpose).
/// Every kernel is element-wise (axpy through <see cref="TensorPrimitives"/>) and each output
/// element is accumulated by one thread in a fixed order, so results are bit-for-bit reproducible
/// whatever the thread count or SIMD width. Not thread-safe.
/// </summary>
public sealed class Mlp
{
    internal Mlp(int[] sizes, float[][] weights, float[][] biases)
    {
        (Sizes, Weights, Biases) = (sizes, weights, biases);
    }

    /// <summary>Layer widths: input, hidden…, output.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>Per layer, <c>W[in × out]</c> row-major.</summary>
    public IReadOnlyList<float[]> Weights { get; }

    /// <summary>Per layer, the bias [out].</summary>
    public IReadOnlyList<float[]> Biases { get; }

    /// <summary>Number of layers (weight matrices).</summary>
    public int LayerCount => Weights.Count;

    /// <summary>Seeded initialisation: He-uniform for hidden layers, ±1/√fan-in for the output layer, zero biases.</summary>
    public static Mlp Create(int[] sizes, Random random)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(random);
        var weights = new float[sizes.Length - 1][];
        var biases = new float[sizes.Length - 1][];
        for (var l = 0; l < weights.Length; l++)
        {
            var (fanIn, fanOut) = (sizes[l], sizes[l + 1]);
            var scale = l < weights.Length - 1 ? Math.Sqrt(6.0 / fanIn) : 1.0 / Math.Sqrt(fanIn);
            weights[l] = new float[fanIn * fanOut];
            for (var i = 0; i < weights[l].Length; i++)
            {
                weights[l][i] = (float)(((random.NextDouble() * 2) - 1) * scale);
            }

            biases[l] = new float[fanOut];
        }

        return new Mlp(sizes, weights, biases);
    }

    /// <summary>A deep copy.</summary>
    public Mlp Clone() => new([.. Sizes], [.. Weights.Select(w => (float[])w.Clone())], [.. Biases.Select(b => (float[])b.Clone())]);

    /// <summary>Forward pass of one (normalised) input into <paramref name="output"/> (allocates its scratch).</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        var x = input.ToArray();
        for (var l = 0; l < LayerCount; l++)
        {
            var y = new float[Sizes[l + 1]];
            Layer(x, Weights[l], Biases[l], y, relu: l < LayerCount - 1);
            x = y;
        }

        x.CopyTo(output);
    }

    /// <summary><c>y = x·W + b</c> for one row, optionally followed by ReLU.</summary>
    internal static void Layer(ReadOnlySpan<float> x, float[] w, ReadOnlySpan<float> b, Span<float> y, bool relu)
    {
        var outs = y.Length;
        b.CopyTo(y);
        for (var k = 0; k < x.Length; k++)
        {
            var xk = x[k];
            if (xk != 0f)
            {
                TensorPrimitives.MultiplyAdd(w.AsSpan(k * outs, outs), xk, y, y);
            }
        }

        if (relu)
        {
            TensorPrimitives.Max(y, 0f, y);
        }
    }
}
