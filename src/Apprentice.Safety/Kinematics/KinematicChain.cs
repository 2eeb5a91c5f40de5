using Apprentice.Safety.Geometry;
using Apprentice.Safety.Model;

namespace Apprentice.Safety.Kinematics;

/// <summary>
/// The serial chain from a base link to a tip link of a URDF: its joints, its variables (movable joints that are not
/// mimics) and the collision spheres of each link (link frame). Immutable; thread-safe. Built at configure time.
/// </summary>
public sealed class KinematicChain
{
    private KinematicChain(string baseLink, string tipLink, ChainJoint[] joints, string[] variables, string[] links, Sphere[][] spheres)
    {
        BaseLink = baseLink;
        TipLink = tipLink;
        Joints = joints;
        VariableNames = variables;
        LinkNames = links;
        LinkSpheres = spheres;
    }

    /// <summary>Base link name (the frame everything is expressed in).</summary>
    public string BaseLink { get; }

    /// <summary>Tip link name.</summary>
    public string TipLink { get; }

    /// <summary>Joints from base to tip (fixed ones included).</summary>
    public IReadOnlyList<ChainJoint> Joints { get; }

    /// <summary>Names of the chain variables, in the order joint vectors use.</summary>
    public IReadOnlyList<string> VariableNames { get; }

    /// <summary>Number of variables (degrees of freedom).</summary>
    public int Dof => VariableNames.Count;

    /// <summary>Links from base (index 0) to tip; link k+1 is the child of joint k.</summary>
    public IReadOnlyList<string> LinkNames { get; }

    /// <summary>Collision spheres per link (link frame), indexed like <see cref="LinkNames"/>.</summary>
    public IReadOnlyList<Sphere[]> LinkSpheres { get; }

    /// <summary>Builds the chain from <paramref name="baseLink"/> to <paramref name="tipLink"/>.</summary>
    /// <exception cref="ArgumentException">A link is unknown, the tip is not below the base, or a mimic joint's source is off the chain.</exception>
    public static KinematicChain Create(RobotDescription robot, string baseLink, string tipLink)
    {
        ArgumentNullException.ThrowIfNull(robot);
        robot.Link(baseLink);
        robot.Link(tipLink);
        var path = new List<UrdfJoint>();
        for (var link = tipLink; link != baseLink;)
        {
            var j = robot.ParentJointOf(link) ?? throw new ArgumentException($"URDF '{robot.Name}': link '{tipLink}' is not below base link '{baseLink}'; pick a base that is an ancestor of the tip.", nameof(tipLink));
            path.Add(j);
            link = j.Parent;
        }

        path.Reverse();
        var variables = path.Where(j => j.IsMovable && j.Mimic is null).Select(j => j.Name).ToList();
        var joints = new ChainJoint[path.Count];
        for (var i = 0; i < path.Count; i++)
        {
            var j = path[i];
            var (index, mult, offset) = (-1, 1.0, 0.0);
            if (j.IsMovable && j.Mimic is { } m)
            {
                index = variables.IndexOf(m.Joint);
                if (index < 0)
                {
                    throw new ArgumentException($"URDF '{robot.Name}': joint '{j.Name}' mimics '{m.Joint}', which is not a variable of the chain {baseLink}→{tipLink}.", nameof(tipLink));
                }

                (mult, offset) = (m.Multiplier, m.Offset);
            }
            else if (j.IsMovable)
            {
                index = variables.IndexOf(j.Name);
            }

            joints[i] = new ChainJoint(j.Name, j.Type, j.Origin, j.Axis, index, mult, offset);
        }

        var links = new[] { baseLink }.Concat(path.Select(j => j.Child)).ToArray();
        var spheres = links.Select(l =>
        {
            var list = new List<Sphere>();
            foreach (var s in robot.Link(l).Collisions)
            {
                SphereApproximation.Cover(s, list);
            }

            return list.ToArray();
        }).ToArray();
        return new KinematicChain(baseLink, tipLink, joints, variables.ToArray(), links, spheres);
    }
}
