namespace Apprentice.Core.Preprocessing;

/// <summary>
/// Which joint-state fields form the tensor and how they are normalised. The tensor is positions
/// (if selected), then velocities (if selected), each in configured joint order;
/// <c>out = (value − mean[i]) / std[i]</c>.
/// </summary>
public sealed record JointStateEncoderOptions
{
    /// <summary>Include positions [rad or m]. Default true.</summary>
    public bool Positions { get; init; } = true;

    /// <summary>Include velocities [rad/s or m/s]. Default false.</summary>
    public bool Velocities { get; init; }

    /// <summary>Mean per tensor element (empty = zeros).</summary>
    public IReadOnlyList<float> Mean { get; init; } = [];

    /// <summary>Standard deviation per tensor element, positive (empty = ones).</summary>
    public IReadOnlyList<float> Std { get; init; } = [];
}
