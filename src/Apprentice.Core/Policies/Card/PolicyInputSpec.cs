namespace Apprentice.Core.Policies.Card;

/// <summary>
/// One model input: where its data comes from, its tensor shape and its normalisation
/// (<c>(x - mean) / std</c> applied by the observation pipeline before inference).
/// </summary>
public sealed record PolicyInputSpec
{
    /// <summary>The model input name (must exist in the ONNX graph).</summary>
    public required string Name { get; init; }

    /// <summary>Kind of sensor data feeding the input.</summary>
    public required InputSourceKind Source { get; init; }

    /// <summary>
    /// Role of the topic in the node's configuration (for example <c>"wrist_camera"</c>,
    /// <c>"joint_states"</c>); the node maps roles to concrete topic names.
    /// </summary>
    public required string TopicRole { get; init; }

    /// <summary>
    /// Full tensor shape bound at run time, batch dimension included (normally 1):
    /// <c>[1, F]</c> for vectors, <c>[1, C, H, W]</c> for images, <c>[1, T, F]</c> for history.
    /// Fixed model dims must equal these; symbolic model dims accept any value.
    /// </summary>
    public required IReadOnlyList<int> Shape { get; init; }

    /// <summary>
    /// Normalisation mean: one value, one per <c>Shape[1]</c> (channels/features), or one per
    /// element of a sample. Empty means no normalisation.
    /// </summary>
    public IReadOnlyList<float> Mean { get; init; } = [];

    /// <summary>Normalisation standard deviation (same length as <see cref="Mean"/>, each &gt; 0).</summary>
    public IReadOnlyList<float> Std { get; init; } = [];

    /// <summary>
    /// For <see cref="InputSourceKind.Joints"/> and <see cref="InputSourceKind.JointVelocities"/>:
    /// the joint order of the feature axis. Each must be a configured robot joint.
    /// </summary>
    public IReadOnlyList<string> JointNames { get; init; } = [];

    /// <summary>Number of past snapshots stacked in the input (1 = current only). Default 1.</summary>
    public int History { get; init; } = 1;
}
