namespace Apprentice.Ros.Qos;

// Values are rmw's (ros2/rmw types.h), which rosbag2 metadata also stores as integers.

/// <summary>Delivery guarantee. <c>SystemDefault</c> leaves the middleware's default.</summary>
public enum ReliabilityPolicy
{
    /// <summary>The middleware default.</summary>
    SystemDefault = 0,
    /// <summary>Retransmits until acknowledged.</summary>
    Reliable = 1,
    /// <summary>Sends once; samples may be lost.</summary>
    BestEffort = 2,
}

/// <summary>Whether late joiners receive samples written before they appeared.</summary>
public enum DurabilityPolicy
{
    /// <summary>The middleware default.</summary>
    SystemDefault = 0,
    /// <summary>The writer keeps its history for late-joining readers.</summary>
    TransientLocal = 1,
    /// <summary>Only samples written after the reader matched.</summary>
    Volatile = 2,
}

/// <summary>How many samples are kept per instance.</summary>
public enum HistoryPolicy
{
    /// <summary>The middleware default.</summary>
    SystemDefault = 0,
    /// <summary>The newest <see cref="QosProfile.Depth"/> samples.</summary>
    KeepLast = 1,
    /// <summary>All samples, within resource limits.</summary>
    KeepAll = 2,
}

/// <summary>How a writer's liveliness is asserted.</summary>
public enum LivelinessPolicy
{
    /// <summary>The middleware default.</summary>
    SystemDefault = 0,
    /// <summary>Asserted by the middleware.</summary>
    Automatic = 1,
    /// <summary>Asserted by each publication on the topic.</summary>
    ManualByTopic = 3,
}
