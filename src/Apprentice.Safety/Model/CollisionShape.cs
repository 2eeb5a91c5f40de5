using Apprentice.Safety.Geometry;

namespace Apprentice.Safety.Model;

/// <summary>Kind of collision geometry.</summary>
public enum ShapeKind
{
    /// <summary>Sphere of radius <see cref="CollisionShape.Size"/>.X.</summary>
    Sphere,

    /// <summary>Box with full side lengths <see cref="CollisionShape.Size"/>.</summary>
    Box,

    /// <summary>Cylinder along local z: radius Size.X, length Size.Z.</summary>
    Cylinder,

    /// <summary>Mesh replaced by a bounding sphere of radius Size.X.</summary>
    MeshBoundingSphere,
}

/// <summary>A collision element of a link, in the link frame (metres).</summary>
/// <param name="Kind">Geometry kind.</param>
/// <param name="Origin">Pose of the geometry in the link frame.</param>
/// <param name="Size">Dimensions as described by <see cref="ShapeKind"/>.</param>
/// <param name="MeshFile">Mesh file name for meshes, else null.</param>
public sealed record CollisionShape(ShapeKind Kind, Transform3 Origin, Vec3 Size, string? MeshFile);
