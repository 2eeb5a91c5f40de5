namespace Apprentice.Sim.Physics;

/// <summary>One contact (or near contact within a geom margin) found by MuJoCo's collision detection.</summary>
/// <param name="Geom1">First geom id.</param>
/// <param name="Geom2">Second geom id.</param>
/// <param name="DistanceM">Signed distance [m]; negative = penetration.</param>
public readonly record struct Contact(int Geom1, int Geom2, double DistanceM);
