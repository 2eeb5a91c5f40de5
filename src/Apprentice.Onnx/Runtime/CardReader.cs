using Apprentice.Core.Policies.Card;
using Microsoft.ML.OnnxRuntime;

namespace Apprentice.Onnx.Runtime;

/// <summary>Reads the policy card from a loaded model's <c>metadata_props</c>.</summary>
internal static class CardReader
{
    public static PolicyCard Read(InferenceSession session, string origin)
    {
        var metadata = session.ModelMetadata;
        if (!metadata.CustomMetadataMap.TryGetValue(PolicyCard.MetadataKey, out var json))
        {
            throw new PolicyCardException(origin,
            [
                new PolicyCardError("metadata_props",
                    $"the model has no '{PolicyCard.MetadataKey}' entry; export the policy with its card (OnnxModelBuilder.WithPolicyCard)."),
            ]);
        }

        return PolicyCardJson.Deserialize(json, origin);
    }
}
