using Apprentice.Core.Observations;

namespace Apprentice.Core.Preprocessing;

/// <summary>
/// Writes one part of the model input from a snapshot into a tensor it was given at construction
/// (normally a buffer the policy owns, so no copy is needed before inference).
/// </summary>
/// <remarks>Real-time contract: allocation-free, never throws for bad sensor data (returns a status); control thread only.</remarks>
public interface IObservationEncoder
{
    /// <summary>Name of the tensor written (the policy input name).</summary>
    string TensorName { get; }

    /// <summary>Writes the tensor from <paramref name="snapshot"/>.</summary>
    PreprocessStatus Encode(ObservationSnapshot snapshot);

    /// <summary>Forgets any state kept between ticks (history). Called on reset/activation.</summary>
    void Reset();
}
