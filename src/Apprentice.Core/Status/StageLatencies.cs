namespace Apprentice.Core.Status;

/// <summary>Time spent in each stage of one tick. A stage that did not run reads zero.</summary>
public struct StageLatencies : IEquatable<StageLatencies>
{
    /// <summary>Snapshot stage.</summary>
    public TimeSpan Snapshot;

    /// <summary>Preprocess stage.</summary>
    public TimeSpan Preprocess;

    /// <summary>Inference stage.</summary>
    public TimeSpan Inference;

    /// <summary>Safety stage.</summary>
    public TimeSpan Safety;

    /// <summary>Publish stage.</summary>
    public TimeSpan Publish;

    /// <summary>Sum of all stages.</summary>
    public readonly TimeSpan Total => Snapshot + Preprocess + Inference + Safety + Publish;

    /// <summary>The latency of <paramref name="stage"/>.</summary>
    public readonly TimeSpan Get(PipelineStage stage) => stage switch
    {
        PipelineStage.Snapshot => Snapshot,
        PipelineStage.Preprocess => Preprocess,
        PipelineStage.Inference => Inference,
        PipelineStage.Safety => Safety,
        _ => Publish,
    };

    /// <inheritdoc />
    public readonly bool Equals(StageLatencies other) =>
        Snapshot == other.Snapshot && Preprocess == other.Preprocess && Inference == other.Inference
        && Safety == other.Safety && Publish == other.Publish;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is StageLatencies other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(Snapshot, Preprocess, Inference, Safety, Publish);

    /// <summary>Value equality.</summary>
    public static bool operator ==(StageLatencies left, StageLatencies right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(StageLatencies left, StageLatencies right) => !left.Equals(right);
}
