namespace Apprentice.Core.Policies.Card;

/// <summary>The inputs and outputs a model really has (read from the model file by an adapter).</summary>
/// <param name="Inputs">Graph inputs that need feeding (initializers excluded).</param>
/// <param name="Outputs">Graph outputs.</param>
public sealed record ModelSignature(IReadOnlyList<TensorSignature> Inputs, IReadOnlyList<TensorSignature> Outputs);
