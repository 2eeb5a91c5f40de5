namespace Apprentice.Core.Policies.Card;

/// <summary>One model input or output as the model declares it.</summary>
/// <param name="Name">Tensor name in the graph.</param>
/// <param name="ElementType">Element type.</param>
/// <param name="Dims">Dimensions; -1 marks a symbolic (free) dimension.</param>
public sealed record TensorSignature(string Name, TensorElementKind ElementType, IReadOnlyList<long> Dims);
