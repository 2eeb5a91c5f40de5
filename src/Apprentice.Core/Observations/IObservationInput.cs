namespace Apprentice.Core.Observations;

/// <summary>One input of the snapshot: a latest-sample box seen without its sample type.</summary>
public interface IObservationInput
{
    /// <summary>Input name (its role in the policy card, for example <c>wrist_camera</c>).</summary>
    string Name { get; }

    /// <summary>Sensor kind.</summary>
    InputKind Kind { get; }

    /// <summary>An input whose newest sample is older than this is stale.</summary>
    TimeSpan Timeout { get; }

    /// <summary>Whether the input's header stamp counts toward the snapshot's skew (default true).</summary>
    bool TakesPartInAlignment { get; }

    /// <summary>Takes the newest sample for this tick. Reader (control) thread only.</summary>
    Sample AcquireLatest();
}
