namespace Apprentice.Onnx.Writer;

/// <summary>
/// Opset-17 operators as extension methods on <see cref="OnnxValue"/> (attribute names and
/// defaults follow the ONNX operator specification). Each call appends one node.
/// </summary>
public static class OnnxOps
{
    /// <summary>General matrix multiply: <c>alpha * A' * B' + beta * C</c> (A is [M,K] or [K,M]).</summary>
    public static OnnxValue Gemm(
        this OnnxValue a, OnnxValue b, OnnxValue? c = null,
        bool transA = false, bool transB = false, float alpha = 1f, float beta = 1f)
    {
        OnnxValue[] inputs = c is { } bias ? [a, b, bias] : [a, b];
        return a.Builder.Node(
            "Gemm", inputs,
            OnnxAttribute.Float("alpha", alpha), OnnxAttribute.Float("beta", beta),
            OnnxAttribute.Int("transA", transA ? 1 : 0), OnnxAttribute.Int("transB", transB ? 1 : 0));
    }

    /// <summary>Matrix product with numpy broadcasting.</summary>
    public static OnnxValue MatMul(this OnnxValue a, OnnxValue b) => Binary("MatMul", a, b);

    /// <summary>Element-wise sum with broadcasting.</summary>
    public static OnnxValue Add(this OnnxValue a, OnnxValue b) => Binary("Add", a, b);

    /// <summary>Element-wise difference with broadcasting.</summary>
    public static OnnxValue Sub(this OnnxValue a, OnnxValue b) => Binary("Sub", a, b);

    /// <summary>Element-wise product with broadcasting.</summary>
    public static OnnxValue Mul(this OnnxValue a, OnnxValue b) => Binary("Mul", a, b);

    /// <summary>Element-wise quotient with broadcasting.</summary>
    public static OnnxValue Div(this OnnxValue a, OnnxValue b) => Binary("Div", a, b);

    /// <summary>max(x, 0).</summary>
    public static OnnxValue Relu(this OnnxValue x) => Unary("Relu", x);

    /// <summary>Hyperbolic tangent.</summary>
    public static OnnxValue Tanh(this OnnxValue x) => Unary("Tanh", x);

    /// <summary>Logistic sigmoid.</summary>
    public static OnnxValue Sigmoid(this OnnxValue x) => Unary("Sigmoid", x);

    /// <summary>Identity (copies the tensor).</summary>
    public static OnnxValue Identity(this OnnxValue x) => Unary("Identity", x);

    /// <summary>2-D convolution of NCHW <paramref name="x"/> with OIHW weights.</summary>
    /// <param name="x">Input [N, C, H, W].</param>
    /// <param name="weights">Weights [M, C/group, kH, kW].</param>
    /// <param name="bias">Optional bias [M].</param>
    /// <param name="strides">Stride per spatial axis (default 1).</param>
    /// <param name="pads">Pads [top, left, bottom, right] (default 0).</param>
    /// <param name="dilations">Dilation per spatial axis (default 1).</param>
    /// <param name="group">Number of groups.</param>
    public static OnnxValue Conv(
        this OnnxValue x, OnnxValue weights, OnnxValue? bias = null,
        long[]? strides = null, long[]? pads = null, long[]? dilations = null, long group = 1)
    {
        OnnxValue[] inputs = bias is { } b ? [x, weights, b] : [x, weights];
        var attributes = new List<OnnxAttribute> { OnnxAttribute.Int("group", group) };
        AddInts(attributes, "strides", strides);
        AddInts(attributes, "pads", pads);
        AddInts(attributes, "dilations", dilations);
        return x.Builder.Node("Conv", inputs, [.. attributes]);
    }

    /// <summary>2-D max pooling.</summary>
    /// <param name="x">Input [N, C, H, W].</param>
    /// <param name="kernel">Kernel shape [kH, kW].</param>
    /// <param name="strides">Strides (default 1 per axis).</param>
    /// <param name="pads">Pads [top, left, bottom, right] (default 0).</param>
    public static OnnxValue MaxPool(this OnnxValue x, long[] kernel, long[]? strides = null, long[]? pads = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var attributes = new List<OnnxAttribute> { OnnxAttribute.Ints("kernel_shape", kernel) };
        AddInts(attributes, "strides", strides);
        AddInts(attributes, "pads", pads);
        return x.Builder.Node("MaxPool", [x], [.. attributes]);
    }

    /// <summary>Flattens to 2-D: dims before <paramref name="axis"/> and from it on.</summary>
    public static OnnxValue Flatten(this OnnxValue x, long axis = 1) =>
        x.Builder.Node("Flatten", [x], OnnxAttribute.Int("axis", axis));

    /// <summary>Concatenates along <paramref name="axis"/>.</summary>
    public static OnnxValue Concat(this OnnxValue first, long axis, params OnnxValue[] rest)
    {
        ArgumentNullException.ThrowIfNull(rest);
        return first.Builder.Node("Concat", [first, .. rest], OnnxAttribute.Int("axis", axis));
    }

    /// <summary>Reshapes to <paramref name="shape"/> (0 copies a dim, -1 infers one); adds the int64 shape initializer.</summary>
    public static OnnxValue Reshape(this OnnxValue x, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var builder = x.Builder;
        var target = builder.Int64Initializer(x.Name + "_reshape_target", shape, shape.Length);
        return builder.Node("Reshape", [x, target]);
    }

    private static OnnxValue Unary(string op, OnnxValue x) => x.Builder.Node(op, [x]);

    private static OnnxValue Binary(string op, OnnxValue a, OnnxValue b) => a.Builder.Node(op, [a, b]);

    private static void AddInts(List<OnnxAttribute> attributes, string name, long[]? values)
    {
        if (values is not null)
        {
            attributes.Add(OnnxAttribute.Ints(name, values));
        }
    }
}
