namespace Apprentice.Safety.Planner;

/// <summary>The minimum-jerk time scaling s(τ) = 10τ³ − 15τ⁴ + 6τ⁵ on τ ∈ [0, 1] (zero velocity and acceleration at both ends). Pure.</summary>
public static class MinimumJerk
{
    /// <summary>Progress s(τ) ∈ [0, 1]; τ is clamped to [0, 1].</summary>
    public static double Position(double tau)
    {
        var t = Math.Clamp(tau, 0, 1);
        return t * t * t * (10 + (t * (-15 + (6 * t))));
    }

    /// <summary>ds/dτ; zero outside (0, 1).</summary>
    public static double Velocity(double tau)
    {
        if (tau <= 0 || tau >= 1)
        {
            return 0;
        }

        var t2 = tau * tau;
        return 30 * t2 * (1 + (tau * (-2 + tau)));
    }
}
