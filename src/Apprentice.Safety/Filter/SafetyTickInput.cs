using Apprentice.Safety.Geometry;

namespace Apprentice.Safety.Filter;

/// <summary>
/// Everything the safety filter reads in one tick. Times are monotonic offsets from the same clock (e.g. the control
/// loop's TimeProvider); a stamp of <see cref="TimeSpan.MinValue"/> means "never received".
/// </summary>
public readonly ref struct SafetyTickInput
{
    /// <summary>Creates an input with no heartbeat, inputs, scan or override (override 1).</summary>
    /// <param name="now">Current time.</param>
    /// <param name="position">Measured axis positions (rad or m); may be empty for axes without position limits (bases).</param>
    /// <param name="command">Desired axis velocities (rad/s or m/s).</param>
    /// <param name="commandStamp">When the command was produced.</param>
    public SafetyTickInput(TimeSpan now, ReadOnlySpan<double> position, ReadOnlySpan<double> command, TimeSpan commandStamp)
    {
        Now = now;
        Position = position;
        Command = command;
        CommandStamp = commandStamp;
        HeartbeatStamp = now;
        ScanStamp = TimeSpan.MinValue;
        SpeedOverride = 1;
    }

    /// <summary>Current time.</summary>
    public TimeSpan Now { get; init; }

    /// <summary>Measured axis positions (rad or m).</summary>
    public ReadOnlySpan<double> Position { get; init; }

    /// <summary>Desired axis velocities.</summary>
    public ReadOnlySpan<double> Command { get; init; }

    /// <summary>When the command was produced.</summary>
    public TimeSpan CommandStamp { get; init; }

    /// <summary>Last heartbeat (checked only when <see cref="SafetyFilterOptions.HeartbeatTimeout"/> is set). Default: now.</summary>
    public TimeSpan HeartbeatStamp { get; init; }

    /// <summary>Receive times of the inputs, in the order of <see cref="SafetyFilterOptions.InputTimeouts"/>.</summary>
    public ReadOnlySpan<TimeSpan> InputStamps { get; init; }

    /// <summary>Obstacle points in the base frame (m), e.g. from <see cref="Zones.ScanProjector"/>.</summary>
    public ReadOnlySpan<Vec3> ObstaclePoints { get; init; }

    /// <summary>When the scan behind <see cref="ObstaclePoints"/> was taken.</summary>
    public TimeSpan ScanStamp { get; init; }

    /// <summary>Speed-scaling override in [0, 1]; larger values act as 1, NaN or negative as 0. Default 1.</summary>
    public double SpeedOverride { get; init; }
}
