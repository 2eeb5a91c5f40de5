using Apprentice.Safety.Geometry;
using Apprentice.Safety.Model;

namespace Apprentice.Safety.Kinematics;

/// <summary>
/// Covers collision shapes with spheres (conservatively: every point of the shape lies inside some sphere).
/// Boxes and cylinders become a row of spheres along their longest axis.
/// </summary>
public static class SphereApproximation
{
    /// <summary>Largest number of spheres used for one shape.</summary>
    public const int MaxSpheresPerShape = 8;

    /// <summary>Appends the spheres covering <paramref name="shape"/> (in the link frame) to <paramref name="into"/>.</summary>
    public static void Cover(CollisionShape shape, ICollection<Sphere> into)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(into);
        switch (shape.Kind)
        {
            case ShapeKind.Sphere:
            case ShapeKind.MeshBoundingSphere:
                into.Add(new Sphere(shape.Origin.Translation, shape.Size.X));
                break;
            case ShapeKind.Box:
                var h = 0.5 * shape.Size;
                // Longest half-extent first; the other two form the cross-section.
                if (h.X >= h.Y && h.X >= h.Z)
                {
                    Row(shape.Origin, new Vec3(1, 0, 0), h.X, Math.Sqrt((h.Y * h.Y) + (h.Z * h.Z)), into);
                }
                else if (h.Y >= h.Z)
                {
                    Row(shape.Origin, new Vec3(0, 1, 0), h.Y, Math.Sqrt((h.X * h.X) + (h.Z * h.Z)), into);
                }
                else
                {
                    Row(shape.Origin, new Vec3(0, 0, 1), h.Z, Math.Sqrt((h.X * h.X) + (h.Y * h.Y)), into);
                }

                break;
            case ShapeKind.Cylinder:
                var r = shape.Size.X;
                var half = 0.5 * shape.Size.Z;
                if (half >= r)
                {
                    Row(shape.Origin, new Vec3(0, 0, 1), half, r, into);
                }
                else
                {
                    into.Add(new Sphere(shape.Origin.Translation, Math.Sqrt((r * r) + (half * half))));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape.Kind, "unknown shape kind");
        }
    }

    // Spheres centred on segments of the long axis: a segment of half-length s with cross-section radius c is covered by radius √(c²+s²).
    private static void Row(Transform3 origin, Vec3 localAxis, double halfLength, double crossRadius, ICollection<Sphere> into)
    {
        var count = crossRadius > 0 ? (int)Math.Clamp(Math.Ceiling(halfLength / crossRadius), 1, MaxSpheresPerShape) : MaxSpheresPerShape;
        var segHalf = halfLength / count;
        var radius = Math.Sqrt((crossRadius * crossRadius) + (segHalf * segHalf));
        var axis = origin.Rotate(localAxis);
        for (var i = 0; i < count; i++)
        {
            var offset = -halfLength + ((2 * i) + 1) * segHalf;
            into.Add(new Sphere(origin.Translation + (offset * axis), radius));
        }
    }
}
