namespace Apprentice.Onnx.Writer;

/// <summary>Tensor element types the writer can declare (values are ONNX <c>TensorProto.DataType</c>).</summary>
public enum OnnxElementType
{
    /// <summary>32-bit IEEE float (the type every policy input and output uses).</summary>
    Float = 1,

    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8 = 2,

    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 6,

    /// <summary>Signed 64-bit integer (shapes, indices).</summary>
    Int64 = 7,

    /// <summary>64-bit IEEE float.</summary>
    Double = 11,
}
