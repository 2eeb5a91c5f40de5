using Apprentice.Safety.Geometry;

namespace Apprentice.Sim.Scene;

/// <summary>The reach task's episode parameters (spec-s2.md). Immutable; validated by <see cref="Validate"/>.</summary>
public sealed record ReachTaskOptions
{
    /// <summary>Home joint positions [rad], panda_joint1..7. Default: the Panda "ready" pose.</summary>
    public IReadOnlyList<double> Home { get; init; } = [0.0, -Math.PI / 4, 0.0, -3 * Math.PI / 4, 0.0, Math.PI / 2, Math.PI / 4];

    /// <summary>Uniform noise added per joint at reset [rad], ±. Default 0.05.</summary>
    public double HomeNoiseRad { get; init; } = 0.05;

    /// <summary>Lower corner of the target box [m] in panda_link0. Default (0.35, −0.30, 0.12).</summary>
    public Vec3 TargetMin { get; init; } = new(0.35, -0.30, 0.12);

    /// <summary>Upper corner of the target box [m]. Default (0.65, 0.30, 0.45).</summary>
    public Vec3 TargetMax { get; init; } = new(0.65, 0.30, 0.45);

    /// <summary>TCP-to-target distance that counts as reached [m]. Default 0.03.</summary>
    public double SuccessRadiusM { get; init; } = 0.03;

    /// <summary>How long the TCP must stay within the radius [s]. Default 0.3.</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(0.3);

    /// <summary>Episode time limit. Default 8 s.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Obstacle centre when parked beside the workspace [m]. Default (0.45, 0.80, 0.15).</summary>
    public Vec3 ObstaclePark { get; init; } = new(0.45, 0.80, 0.15);

    /// <summary>Throws <see cref="ArgumentException"/> naming the field when a value is out of range.</summary>
    public void Validate()
    {
        Require(Home.Count == 7 && Home.All(double.IsFinite), "task.home", "needs 7 finite joint positions");
        Require(HomeNoiseRad >= 0 && HomeNoiseRad < 0.5, "task.home_noise_rad", "must be in [0, 0.5)");
        Require(TargetMin.IsFinite && TargetMax.IsFinite && TargetMin.X <= TargetMax.X && TargetMin.Y <= TargetMax.Y && TargetMin.Z <= TargetMax.Z, "task.target_min/target_max", "need finite min ≤ max per axis");
        Require(SuccessRadiusM > 0, "task.success_radius_m", "must be positive");
        Require(Hold >= TimeSpan.Zero && TimeLimit > Hold, "task.hold_s/time_limit_s", "need 0 ≤ hold < time limit");
        Require(ObstaclePark.IsFinite, "task.obstacle_park", "must be finite");
    }

    internal static void Require(bool ok, string field, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"reach options: '{field}' {rule}.");
        }
    }
}
