namespace Apprentice.Safety.Model;

/// <summary>One URDF link with its collision elements (visual and inertial elements are ignored).</summary>
/// <param name="Name">Link name.</param>
/// <param name="Collisions">Collision elements in the link frame.</param>
public sealed record UrdfLink(string Name, IReadOnlyList<CollisionShape> Collisions);
