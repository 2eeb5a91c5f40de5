using Apprentice.Sim.Nodes;

namespace Apprentice.Nodes.Pipeline;

/// <summary>
/// Sim time for transports created before the sim node (which owns the <see cref="SimClock"/>): forwards to
/// <see cref="Target"/> once set, the Unix epoch before.
/// </summary>
internal sealed class ForwardingClock : TimeProvider
{
    /// <summary>The clock forwarded to.</summary>
    public SimClock? Target { get; set; }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Target?.GetUtcNow() ?? DateTimeOffset.UnixEpoch;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => Target?.GetTimestamp() ?? 0;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
