namespace Apprentice.Core.Status;

/// <summary>The timed stages of one control tick.</summary>
public enum PipelineStage
{
    /// <summary>Taking the observation snapshot.</summary>
    Snapshot,

    /// <summary>Encoding the snapshot into model tensors.</summary>
    Preprocess,

    /// <summary>Running the policy (synchronous mode) or fetching/ensembling chunks (chunked mode).</summary>
    Inference,

    /// <summary>Blending and safety filtering (or the fallback).</summary>
    Safety,

    /// <summary>Handing the command to the sink.</summary>
    Publish,
}
