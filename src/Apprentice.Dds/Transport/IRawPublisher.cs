namespace Apprentice.Dds.Transport;

/// <summary>Publishes serialized CDR samples on one topic. Thread-safe.</summary>
public interface IRawPublisher : IDisposable
{
    /// <summary>Fully-qualified ROS topic name.</summary>
    string Topic { get; }

    /// <summary>Number of subscriptions currently matched.</summary>
    int MatchedSubscriptionCount { get; }

    /// <summary>Publishes with the node clock's current time as source timestamp.</summary>
    /// <param name="cdr">Encapsulation header (4 bytes) and CDR body; copied before return.</param>
    /// <remarks>Allocation-free. A reliable keep-all publisher may block while readers catch up.</remarks>
    PublishOutcome Publish(ReadOnlySpan<byte> cdr);

    /// <summary>Publishes with an explicit source timestamp (ns since the Unix epoch), e.g. when replaying a bag.</summary>
    PublishOutcome Publish(ReadOnlySpan<byte> cdr, long sourceTimestampNs);
}

/// <summary>What happened to a published sample.</summary>
public enum PublishOutcome
{
    /// <summary>Handed to the middleware.</summary>
    Published,
    /// <summary>A reliable writer's history was full for longer than its blocking time.</summary>
    TimedOut,
    /// <summary>The bytes are shorter than the 4-byte encapsulation header.</summary>
    InvalidPayload,
    /// <summary>The publisher or its node was disposed.</summary>
    Closed,
    /// <summary>The middleware reported another error (logged).</summary>
    Failed,
}
