namespace Apprentice.Safety.Geometry;

/// <summary>A planar point or vector (metres) in the base frame (x forward, y left). Immutable value type.</summary>
public readonly record struct Vec2(double X, double Y);
