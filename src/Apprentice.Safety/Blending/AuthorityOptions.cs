using Apprentice.Safety.Limits;

namespace Apprentice.Safety.Blending;

/// <summary>
/// Options of <see cref="AuthorityBlender"/>: how confidence signals map to the policy authority α ∈ [0, 1] and how fast
/// α may move. A score maps to a confidence by a smoothstep from 1 at <c>…Full</c> down to 0 at <c>…Zero</c>. Immutable.
/// </summary>
public sealed record AuthorityOptions
{
    /// <summary>Defaults.</summary>
    public static AuthorityOptions Default { get; } = new();

    /// <summary>OOD score (mean squared z) up to which the policy keeps full authority. Default 2.</summary>
    public double OodFull { get; init; } = 2;

    /// <summary>OOD score at and beyond which the policy has no authority. Default 9.</summary>
    public double OodZero { get; init; } = 9;

    /// <summary>Ensemble spread up to which the policy keeps full authority (action units). Default 0.05.</summary>
    public double EnsembleFull { get; init; } = 0.05;

    /// <summary>Ensemble spread at and beyond which the policy has no authority. Default 0.3.</summary>
    public double EnsembleZero { get; init; } = 0.3;

    /// <summary>Fastest rise of α (1/s): authority is regained slowly. Default 0.5.</summary>
    public double RiseRatePerSec { get; init; } = 0.5;

    /// <summary>Fastest fall of α (1/s): authority is withdrawn quickly but without a jump. Default 5.</summary>
    public double FallRatePerSec { get; init; } = 5;

    /// <summary>Upper bound on α (e.g. 0 to run the planner alone). Default 1.</summary>
    public double MaxAlpha { get; init; } = 1;

    /// <summary>Checks every field.</summary>
    /// <exception cref="LimitsConfigException">A field is out of range.</exception>
    public void Validate()
    {
        if (!(OodFull >= 0 && OodZero > OodFull && EnsembleFull >= 0 && EnsembleZero > EnsembleFull
            && RiseRatePerSec > 0 && FallRatePerSec > 0 && MaxAlpha is >= 0 and <= 1)
            || !double.IsFinite(OodZero + EnsembleZero + RiseRatePerSec + FallRatePerSec))
        {
            throw new LimitsConfigException($"AuthorityOptions: need 0 ≤ full < zero for OOD and ensemble curves, positive finite rates, MaxAlpha in [0, 1]; got {this}.");
        }
    }

    /// <summary>Confidence in [0, 1] for a score on a full→zero smoothstep curve (NaN gives 0).</summary>
    public static double Curve(double score, double full, double zero)
    {
        if (double.IsNaN(score))
        {
            return 0;
        }

        var x = Math.Clamp((score - full) / (zero - full), 0, 1);
        return 1 - (x * x * (3 - (2 * x)));
    }
}
