namespace Apprentice.Core.Policies;

/// <summary>
/// A named model input tensor whose memory the policy owns (for ONNX Runtime: pinned memory bound
/// once with IOBinding). Encoders write straight into <see cref="Buffer"/> before each inference.
/// </summary>
/// <param name="Name">Model input name (as in the model and the policy card).</param>
/// <param name="Shape">Tensor shape, batch dimension included (for example [1, 3, 96, 96]).</param>
/// <param name="Buffer">The tensor's floats, row-major, length = product of <paramref name="Shape"/>.</param>
public sealed record PolicyInputBuffer(string Name, IReadOnlyList<long> Shape, Memory<float> Buffer);
