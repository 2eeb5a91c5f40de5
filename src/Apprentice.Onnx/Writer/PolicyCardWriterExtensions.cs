using Apprentice.Core.Policies.Card;

namespace Apprentice.Onnx.Writer;

/// <summary>Embeds a policy card in a model under construction.</summary>
public static class PolicyCardWriterExtensions
{
    /// <summary>
    /// Stores <paramref name="card"/> as JSON in <c>metadata_props</c> under
    /// <see cref="PolicyCard.MetadataKey"/>. The card is checked on its own here; its match with
    /// the graph is checked when the model is loaded.
    /// </summary>
    /// <exception cref="PolicyCardException">When the card has problems of its own.</exception>
    public static OnnxModelBuilder WithPolicyCard(this OnnxModelBuilder builder, PolicyCard card)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(card);
        var errors = PolicyCardValidator.Check(card);
        if (errors.Count > 0)
        {
            throw new PolicyCardException("model being written", errors);
        }

        return builder.Metadata(PolicyCard.MetadataKey, PolicyCardJson.Serialize(card));
    }
}
