namespace Apprentice.Sim.Expert;

/// <summary>Tuning of <see cref="ScriptedExpert"/>. Immutable; units in the names.</summary>
public sealed record ScriptedExpertOptions
{
    /// <summary>Average Cartesian speed of the min-jerk path [m/s]; the duration is distance / this. Default 0.25.</summary>
    public double AverageSpeedMPerSec { get; init; } = 0.25;

    /// <summary>Shortest path duration. Default 0.8 s.</summary>
    public TimeSpan MinDuration { get; init; } = TimeSpan.FromSeconds(0.8);

    /// <summary>Longest path duration. Default 4 s.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Position error feedback gain [1/s]. Default 4.</summary>
    public double PositionGainPerSec { get; init; } = 4;

    /// <summary>Orientation error feedback gain toward the home orientation [1/s]. Default 2.</summary>
    public double OrientationGainPerSec { get; init; } = 2;

    /// <summary>Null-space pull toward the home posture [1/s]. Default 0.5.</summary>
    public double NullSpaceGainPerSec { get; init; } = 0.5;

    /// <summary>Damping λ of the least-squares inverse. Default 0.05.</summary>
    public double DampingLambda { get; init; } = 0.05;

    /// <summary>Fraction of the URDF velocity limits the output is scaled into. Default 0.8.</summary>
    public double VelocityLimitFraction { get; init; } = 0.8;

    /// <summary>Re-plan when the goal moves more than this [m]. Default 0.01.</summary>
    public double ReplanGoalShiftM { get; init; } = 0.01;

    /// <summary>Re-plan from the current TCP when it is further than this from the plan [m] (e.g. after a push or a policy's excursion). Default 0.05.</summary>
    public double ReplanDeviationM { get; init; } = 0.05;
}
