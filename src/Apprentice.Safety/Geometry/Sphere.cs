namespace Apprentice.Safety.Geometry;

/// <summary>A sphere: centre (metres) and radius (metres). Immutable value type.</summary>
public readonly record struct Sphere(Vec3 Center, double RadiusM);
