namespace Apprentice.Onnx.Writer;

/// <summary>
/// A tensor in a graph under construction (a graph input, an initializer or a node output).
/// Operators are extension methods in <see cref="OnnxOps"/>, so a graph reads as a chain:
/// <c>x.Gemm(w1, b1, transB: true).Relu()</c>.
/// </summary>
public readonly record struct OnnxValue
{
    internal OnnxValue(OnnxModelBuilder builder, string name)
    {
        Builder = builder;
        Name = name;
    }

    /// <summary>The builder that owns the tensor.</summary>
    public OnnxModelBuilder Builder { get; }

    /// <summary>The tensor name in the graph.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
