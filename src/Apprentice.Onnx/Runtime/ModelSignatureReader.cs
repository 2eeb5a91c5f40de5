using Apprentice.Core.Policies.Card;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Apprentice.Onnx.Runtime;

/// <summary>Reads the real inputs and outputs of a loaded model for card validation.</summary>
internal static class ModelSignatureReader
{
    public static ModelSignature Read(InferenceSession session) =>
        new(Convert(session.InputMetadata), Convert(session.OutputMetadata));

    private static List<TensorSignature> Convert(IReadOnlyDictionary<string, NodeMetadata> metadata) =>
        metadata.Select(kv => new TensorSignature(
                kv.Key,
                kv.Value.IsTensor ? Kind(kv.Value.ElementDataType) : TensorElementKind.Other,
                kv.Value.IsTensor ? kv.Value.Dimensions.Select(d => (long)d).ToArray() : []))
            .ToList();

    private static TensorElementKind Kind(TensorElementType type) => type switch
    {
        TensorElementType.Float => TensorElementKind.Float32,
        TensorElementType.Double => TensorElementKind.Float64,
        TensorElementType.Float16 => TensorElementKind.Float16,
        TensorElementType.Int32 => TensorElementKind.Int32,
        TensorElementType.Int64 => TensorElementKind.Int64,
        TensorElementType.UInt8 => TensorElementKind.UInt8,
        TensorElementType.Bool => TensorElementKind.Bool,
        _ => TensorElementKind.Other,
    };
}
