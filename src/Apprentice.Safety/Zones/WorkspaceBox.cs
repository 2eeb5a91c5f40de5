using Apprentice.Safety.Filter;
using Apprentice.Safety.Geometry;

namespace Apprentice.Safety.Zones;

/// <summary>
/// Axis-aligned box (base frame, m) the end effector must stay in. Near a face the end effector's speed toward it is
/// limited to √(2·a·d), d the distance to the face less the margin. Immutable.
/// </summary>
/// <param name="Min">Lower corner (m).</param>
/// <param name="Max">Upper corner (m).</param>
/// <param name="MarginM">Distance kept from the faces (m), ≥ 0.</param>
/// <param name="MaxDecelerationMPerSec2">Cartesian braking deceleration assumed (m/s²), &gt; 0.</param>
public sealed record WorkspaceBox(Vec3 Min, Vec3 Max, double MarginM = 0.02, double MaxDecelerationMPerSec2 = 1.0)
{
    internal void Validate()
    {
        SafetyFilterOptions.Require(Min.IsFinite && Max.IsFinite && Min.X < Max.X && Min.Y < Max.Y && Min.Z < Max.Z, "Workspace.Min/Max", "must be finite with Min < Max on every axis");
        SafetyFilterOptions.Require(MarginM >= 0 && double.IsFinite(MarginM), "Workspace.MarginM", "must be finite and ≥ 0");
        SafetyFilterOptions.Require(MaxDecelerationMPerSec2 > 0, "Workspace.MaxDecelerationMPerSec2", "must be positive");
    }
}
