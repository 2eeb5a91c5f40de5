namespace Apprentice.Core.Policies.Card;

/// <summary>
/// What a learned policy needs and produces, stored as JSON in the ONNX model's
/// <c>metadata_props</c> under <see cref="MetadataKey"/>: its inputs (source, shape,
/// normalisation), the action layout, chunk length, control rate, and the training-set
/// statistics used for out-of-distribution scores. Immutable; validate with
/// <see cref="PolicyCardValidator"/> before use.
/// </summary>
public sealed record PolicyCard
{
    /// <summary>The <c>metadata_props</c> key holding the card's JSON.</summary>
    public const string MetadataKey = "apprentice.policy_card";

    /// <summary>The card format version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>
    /// Largest element count of one input tensor (2^26 floats, 256 MiB); a larger card shape is
    /// rejected so a bad card cannot make the runtime allocate without bound.
    /// </summary>
    public const long MaxInputElements = 1L << 26;

    /// <summary>Card format version (must be <see cref="CurrentVersion"/>).</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Optional human-readable policy name.</summary>
    public string? Name { get; init; }

    /// <summary>The model inputs the runtime fills each inference, in any order (matched by name).</summary>
    public IReadOnlyList<PolicyInputSpec> Inputs { get; init; } = [];

    /// <summary>Which model output holds the action and how to read it.</summary>
    public required ActionLayout Action { get; init; }

    /// <summary>
    /// Actions per inference (ACT-style chunk): the output holds <c>ChunkLength × joints</c>
    /// values, step-major. 1 for a single-step policy. Default 1.
    /// </summary>
    public int ChunkLength { get; init; } = 1;

    /// <summary>Control rate the policy was trained for [Hz]; one chunk step per period.</summary>
    public double ControlRateHz { get; init; }

    /// <summary>Per-input training-set statistics for out-of-distribution scores (may be empty).</summary>
    public IReadOnlyList<FeatureStatistics> TrainingStatistics { get; init; } = [];
}
