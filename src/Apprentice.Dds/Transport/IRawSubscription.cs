namespace Apprentice.Dds.Transport;

/// <summary>
/// Handles one received sample. <paramref name="cdr"/> (encapsulation header + body) is borrowed:
/// valid only during the call; copy what must outlive it.
/// </summary>
public delegate void RawMessageHandler(ReadOnlySpan<byte> cdr, MessageInfo info);

/// <summary>Metadata of a received sample.</summary>
/// <param name="SourceTimestampNs">The writer's source timestamp, ns since the Unix epoch.</param>
/// <param name="PublicationHandle">Process-local id of the writer that sent it (0 when unknown).</param>
public readonly record struct MessageInfo(long SourceTimestampNs, ulong PublicationHandle);

/// <summary>A subscription; dispose to stop receiving. Thread-safe.</summary>
public interface IRawSubscription : IDisposable
{
    /// <summary>Fully-qualified ROS topic name.</summary>
    string Topic { get; }

    /// <summary>Number of publishers currently matched.</summary>
    int MatchedPublisherCount { get; }
}
