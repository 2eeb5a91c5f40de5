namespace Apprentice.Onnx.Runtime;

/// <summary>ONNX Runtime graph optimisation level.</summary>
public enum OnnxGraphOptimization
{
    /// <summary>No graph optimisation.</summary>
    Disabled,

    /// <summary>Constant folding and redundant-node removal.</summary>
    Basic,

    /// <summary>Basic plus node fusions.</summary>
    Extended,

    /// <summary>Every optimisation, layout changes included (default).</summary>
    All,
}
