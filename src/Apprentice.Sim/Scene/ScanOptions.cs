using Apprentice.Safety.Geometry;

namespace Apprentice.Sim.Scene;

/// <summary>The planar scan (/scan): a horizontal fan of MuJoCo ray casts at the obstacle's height. Immutable.</summary>
public sealed record ScanOptions
{
    /// <summary>Frame of the LaserScan. Default "scan_link".</summary>
    public string FrameId { get; init; } = "scan_link";

    /// <summary>Fixed translation panda_link0 → scan_link [m] (no rotation). Default (0, 0, 0.15).</summary>
    public Vec3 BaseToScan { get; init; } = new(0, 0, 0.15);

    /// <summary>First ray angle about +z from +x [rad]. Default −π.</summary>
    public double AngleMinRad { get; init; } = -Math.PI;

    /// <summary>Number of rays. Default 180 (2° apart over a full turn).</summary>
    public int RayCount { get; init; } = 180;

    /// <summary>Angle between rays [rad]. Default 2π/180.</summary>
    public double AngleIncrementRad => 2 * Math.PI / RayCount;

    /// <summary>Last ray angle [rad].</summary>
    public double AngleMaxRad => AngleMinRad + ((RayCount - 1) * AngleIncrementRad);

    /// <summary>Minimum valid range [m]. Default 0.05.</summary>
    public double RangeMinM { get; init; } = 0.05;

    /// <summary>Maximum range [m]; misses read +∞. Default 1.5.</summary>
    public double RangeMaxM { get; init; } = 1.5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the field when a value is out of range.</summary>
    public void Validate()
    {
        ReachTaskOptions.Require(!string.IsNullOrWhiteSpace(FrameId), "scan.frame_id", "must not be empty");
        ReachTaskOptions.Require(BaseToScan.IsFinite, "scan.base_to_scan_xyz", "must be finite");
        ReachTaskOptions.Require(RayCount is >= 2 and <= 4096, "scan.ray_count", "must be in [2, 4096]");
        ReachTaskOptions.Require(RangeMinM >= 0 && RangeMaxM > RangeMinM && double.IsFinite(RangeMaxM), "scan.range_min_m/range_max_m", "need 0 ≤ min < max < ∞");
    }
}
