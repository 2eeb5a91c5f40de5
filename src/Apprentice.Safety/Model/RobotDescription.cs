namespace Apprentice.Safety.Model;

/// <summary>A parsed URDF robot: links and joints by name. Immutable; thread-safe.</summary>
public sealed class RobotDescription
{
    private readonly Dictionary<string, UrdfLink> _links;
    private readonly Dictionary<string, UrdfJoint> _joints;
    private readonly Dictionary<string, UrdfJoint> _jointByChild;

    internal RobotDescription(string name, IReadOnlyList<UrdfLink> links, IReadOnlyList<UrdfJoint> joints)
    {
        Name = name;
        Links = links;
        Joints = joints;
        _links = links.ToDictionary(l => l.Name, StringComparer.Ordinal);
        _joints = joints.ToDictionary(j => j.Name, StringComparer.Ordinal);
        _jointByChild = joints.ToDictionary(j => j.Child, StringComparer.Ordinal);
    }

    /// <summary>The robot's name attribute.</summary>
    public string Name { get; }

    /// <summary>Links in document order.</summary>
    public IReadOnlyList<UrdfLink> Links { get; }

    /// <summary>Joints in document order.</summary>
    public IReadOnlyList<UrdfJoint> Joints { get; }

    /// <summary>The link with this name.</summary>
    /// <exception cref="KeyNotFoundException">No such link.</exception>
    public UrdfLink Link(string name) => _links.TryGetValue(name, out var l)
        ? l
        : throw new KeyNotFoundException($"URDF '{Name}' has no link '{name}'. Links: {string.Join(", ", _links.Keys)}.");

    /// <summary>The joint with this name.</summary>
    /// <exception cref="KeyNotFoundException">No such joint.</exception>
    public UrdfJoint Joint(string name) => _joints.TryGetValue(name, out var j)
        ? j
        : throw new KeyNotFoundException($"URDF '{Name}' has no joint '{name}'. Joints: {string.Join(", ", _joints.Keys)}.");

    /// <summary>True when a joint of this name exists.</summary>
    public bool HasJoint(string name) => _joints.ContainsKey(name);

    /// <summary>The joint whose child is <paramref name="link"/>, or null for the root link.</summary>
    public UrdfJoint? ParentJointOf(string link) => _jointByChild.GetValueOrDefault(link);
}
