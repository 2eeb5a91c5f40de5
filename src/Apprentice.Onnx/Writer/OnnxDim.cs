namespace Apprentice.Onnx.Writer;

/// <summary>
/// One dimension of a graph input or output: a fixed size or a symbolic name (for example
/// <c>"batch"</c>). Converts implicitly from <see cref="long"/>/<see cref="int"/> (fixed) and
/// <see cref="string"/> (symbolic), so shapes read <c>("batch", 71)</c>.
/// </summary>
public readonly record struct OnnxDim
{
    private OnnxDim(long size, string? symbol)
    {
        Size = size;
        Symbol = symbol;
    }

    /// <summary>Fixed size, or -1 when the dimension is symbolic.</summary>
    public long Size { get; }

    /// <summary>The symbolic name, or null when the dimension is fixed.</summary>
    public string? Symbol { get; }

    /// <summary>True when the dimension has a symbolic name instead of a size.</summary>
    public bool IsSymbolic => Symbol is not null;

    /// <summary>A fixed dimension.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="size"/> is negative.</exception>
    public static OnnxDim Fixed(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new OnnxDim(size, null);
    }

    /// <summary>A symbolic dimension (its size is chosen at run time).</summary>
    public static OnnxDim Symbolic(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new OnnxDim(-1, name);
    }

    /// <summary>Fixed dimension.</summary>
    public static implicit operator OnnxDim(long size) => Fixed(size);

    /// <summary>Fixed dimension.</summary>
    public static implicit operator OnnxDim(int size) => Fixed(size);

    /// <summary>Symbolic dimension.</summary>
    public static implicit operator OnnxDim(string name) => Symbolic(name);

    /// <summary>Same as the implicit conversion from <see cref="long"/>.</summary>
    public static OnnxDim FromInt64(long size) => Fixed(size);

    /// <summary>Same as the implicit conversion from <see cref="string"/>.</summary>
    public static OnnxDim FromString(string name) => Symbolic(name);

    /// <inheritdoc />
    public override string ToString() => Symbol ?? Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
