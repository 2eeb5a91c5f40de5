using Apprentice.Safety.Limits;

namespace Apprentice.Safety.Planner;

/// <summary>Options of <see cref="ResolvedRatePlanner"/>. Immutable.</summary>
public sealed record ResolvedRateOptions
{
    /// <summary>Defaults.</summary>
    public static ResolvedRateOptions Default { get; } = new();

    /// <summary>Feedback gain on the position error (1/s). Default 2.</summary>
    public double LinearGainPerSec { get; init; } = 2;

    /// <summary>Feedback gain on the orientation error (1/s). Default 2.</summary>
    public double AngularGainPerSec { get; init; } = 2;

    /// <summary>Feedback gain on joint errors for joint goals (1/s). Default 2.</summary>
    public double JointGainPerSec { get; init; } = 2;

    /// <summary>Damping λ of the damped-least-squares inverse. Default 0.05.</summary>
    public double DampingLambda { get; init; } = 0.05;

    /// <summary>Cap on the commanded tool speed (m/s). Default 0.5.</summary>
    public double MaxLinearSpeedMPerSec { get; init; } = 0.5;

    /// <summary>Cap on the commanded tool angular speed (rad/s). Default 1.0.</summary>
    public double MaxAngularSpeedRadPerSec { get; init; } = 1.0;

    /// <summary>Checks every field.</summary>
    /// <exception cref="LimitsConfigException">A field is out of range.</exception>
    public void Validate()
    {
        if (!(LinearGainPerSec >= 0 && AngularGainPerSec >= 0 && JointGainPerSec >= 0 && DampingLambda >= 0 && MaxLinearSpeedMPerSec > 0 && MaxAngularSpeedRadPerSec > 0)
            || !double.IsFinite(LinearGainPerSec + AngularGainPerSec + JointGainPerSec + DampingLambda))
        {
            throw new LimitsConfigException($"ResolvedRateOptions: gains and damping must be finite and ≥ 0, speed caps positive; got {this}.");
        }
    }
}
