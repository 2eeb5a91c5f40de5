using Apprentice.Safety.Filter;
using Apprentice.Safety.Geometry;

namespace Apprentice.Safety.Zones;

/// <summary>
/// Base zones in the manner of Nav2's collision monitor: a stop polygon (halt), a slowdown polygon (scale by
/// <see cref="SlowdownRatio"/>) and an approach footprint (simulate the command for <see cref="TimeBeforeCollision"/>
/// and scale so the predicted collision stays that far away). Points outside [MinHeightM, MaxHeightM] are ignored.
/// Immutable.
/// </summary>
public sealed record FootprintZonesOptions
{
    /// <summary>Polygon whose intrusion halts the base, or null.</summary>
    public Polygon2? StopPolygon { get; init; }

    /// <summary>Polygon whose intrusion slows the base, or null.</summary>
    public Polygon2? SlowdownPolygon { get; init; }

    /// <summary>Speed scale inside the slowdown polygon, in [0, 1]. Default 0.3.</summary>
    public double SlowdownRatio { get; init; } = 0.3;

    /// <summary>Footprint for the approach behaviour, or null.</summary>
    public Polygon2? ApproachFootprint { get; init; }

    /// <summary>Time to collision to keep (approach behaviour). Default 1.2 s.</summary>
    public TimeSpan TimeBeforeCollision { get; init; } = TimeSpan.FromSeconds(1.2);

    /// <summary>Simulation step of the approach prediction. Default 0.05 s.</summary>
    public TimeSpan SimulationTimeStep { get; init; } = TimeSpan.FromSeconds(0.05);

    /// <summary>Points needed inside a polygon to trigger it. Default 1.</summary>
    public int MinPoints { get; init; } = 1;

    /// <summary>Lowest point height considered (m). Default 0.05.</summary>
    public double MinHeightM { get; init; } = 0.05;

    /// <summary>Highest point height considered (m). Default 2.0.</summary>
    public double MaxHeightM { get; init; } = 2.0;

    internal void Validate()
    {
        SafetyFilterOptions.Require(SlowdownRatio is >= 0 and <= 1, "Footprint.SlowdownRatio", "must be in [0, 1]");
        SafetyFilterOptions.Require(TimeBeforeCollision > TimeSpan.Zero && SimulationTimeStep > TimeSpan.Zero && SimulationTimeStep <= TimeBeforeCollision, "Footprint.TimeBeforeCollision/SimulationTimeStep", "must be positive with step ≤ horizon");
        SafetyFilterOptions.Require(TimeBeforeCollision / SimulationTimeStep <= 1000, "Footprint.SimulationTimeStep", "gives more than 1000 steps; use a larger step");
        SafetyFilterOptions.Require(MinPoints >= 1, "Footprint.MinPoints", "must be ≥ 1");
        SafetyFilterOptions.Require(MinHeightM <= MaxHeightM, "Footprint.MinHeightM", "must be ≤ MaxHeightM");
    }
}
