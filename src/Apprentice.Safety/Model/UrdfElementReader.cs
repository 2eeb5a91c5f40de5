using System.Xml.Linq;
using Apprentice.Safety.Geometry;

namespace Apprentice.Safety.Model;

/// <summary>Reads URDF &lt;link&gt; and &lt;joint&gt; elements.</summary>
internal static class UrdfElementReader
{
    public static UrdfLink ReadLink(UrdfReadContext ctx, XElement el)
    {
        var name = ctx.Required(el, "name");
        var shapes = new List<CollisionShape>();
        foreach (var col in el.Elements("collision"))
        {
            var geometry = col.Element("geometry") ?? throw ctx.Error(col, null, "has no <geometry> child; add one");
            var shape = geometry.Elements().FirstOrDefault() ?? throw ctx.Error(geometry, null, "is empty; add a <sphere>, <box>, <cylinder> or <mesh>");
            shapes.Add(ReadShape(ctx, shape, ctx.Origin(col)));
        }

        return new UrdfLink(name, shapes);
    }

    private static CollisionShape ReadShape(UrdfReadContext ctx, XElement shape, Transform3 origin)
    {
        switch (shape.Name.LocalName)
        {
            case "sphere":
                return new CollisionShape(ShapeKind.Sphere, origin, new Vec3(Positive(ctx, shape, "radius"), 0, 0), null);
            case "box":
                var size = ctx.Triple(shape, "size", new Vec3(double.NaN, 0, 0));
                if (double.IsNaN(size.X))
                {
                    throw ctx.Error(shape, "size", "is required and missing");
                }

                if (size.X < 0 || size.Y < 0 || size.Z < 0)
                {
                    throw ctx.Error(shape, "size", "must not be negative");
                }

                return new CollisionShape(ShapeKind.Box, origin, size, null);
            case "cylinder":
                var r = Positive(ctx, shape, "radius");
                var len = ctx.Number(shape, "length", null);
                if (len < 0)
                {
                    throw ctx.Error(shape, "length", "must not be negative");
                }

                return new CollisionShape(ShapeKind.Cylinder, origin, new Vec3(r, 0, len), null);
            case "mesh":
                var file = ctx.Required(shape, "filename");
                var scale = ctx.Triple(shape, "scale", new Vec3(1, 1, 1));
                var baseRadius = ctx.Options.MeshRadiusOverridesM.TryGetValue(file, out var over) ? over : ctx.Options.MeshBoundingRadiusM;
                var radius = baseRadius * Math.Max(Math.Abs(scale.X), Math.Max(Math.Abs(scale.Y), Math.Abs(scale.Z)));
                return new CollisionShape(ShapeKind.MeshBoundingSphere, origin, new Vec3(radius, 0, 0), file);
            default:
                throw ctx.Error(shape, null, $"unknown geometry <{shape.Name.LocalName}>; use sphere, box, cylinder or mesh");
        }
    }

    private static double Positive(UrdfReadContext ctx, XElement el, string attribute)
    {
        var v = ctx.Number(el, attribute, null);
        return v < 0 ? throw ctx.Error(el, attribute, "must not be negative") : v;
    }

    public static UrdfJoint ReadJoint(UrdfReadContext ctx, XElement el)
    {
        var name = ctx.Required(el, "name");
        var typeRaw = ctx.Required(el, "type");
        var type = typeRaw switch
        {
            "revolute" => JointType.Revolute,
            "continuous" => JointType.Continuous,
            "prismatic" => JointType.Prismatic,
            "fixed" => JointType.Fixed,
            "floating" or "planar" => throw ctx.Error(el, "type", $"'{typeRaw}' joints are not supported by the safety model; model the base separately"),
            _ => throw ctx.Error(el, "type", $"'{typeRaw}' is not one of revolute, continuous, prismatic, fixed"),
        };
        var parent = ctx.Required(el.Element("parent") ?? throw ctx.Error(el, null, "has no <parent link=...> child"), "link");
        var child = ctx.Required(el.Element("child") ?? throw ctx.Error(el, null, "has no <child link=...> child"), "link");
        var axis = new Vec3(1, 0, 0);
        if (el.Element("axis") is { } axisEl)
        {
            axis = ctx.Triple(axisEl, "xyz", axis);
            if (type != JointType.Fixed && axis.Length < 1e-9)
            {
                throw ctx.Error(axisEl, "xyz", "is the zero vector; give the joint axis as a non-zero direction");
            }

            axis = axis.Normalized();
        }

        var limit = ReadLimit(ctx, el, type);
        UrdfSafetyController? soft = null;
        if (el.Element("safety_controller") is { } sc)
        {
            soft = new UrdfSafetyController(
                ctx.Number(sc, "soft_lower_limit", 0), ctx.Number(sc, "soft_upper_limit", 0),
                ctx.Number(sc, "k_position", 0), ctx.Number(sc, "k_velocity", null));
            if (soft.SoftLowerLimit > soft.SoftUpperLimit)
            {
                throw ctx.Error(sc, "soft_lower_limit", "is above soft_upper_limit");
            }
        }

        UrdfMimic? mimic = null;
        if (el.Element("mimic") is { } mm)
        {
            mimic = new UrdfMimic(ctx.Required(mm, "joint"), ctx.Number(mm, "multiplier", 1), ctx.Number(mm, "offset", 0));
        }

        return new UrdfJoint(name, type, parent, child, ctx.Origin(el), axis, limit, soft, mimic);
    }

    private static UrdfJointLimit? ReadLimit(UrdfReadContext ctx, XElement joint, JointType type)
    {
        var el = joint.Element("limit");
        if (el is null)
        {
            return type is JointType.Revolute or JointType.Prismatic
                ? throw ctx.Error(joint, null, "is revolute or prismatic and needs a <limit lower upper effort velocity> child")
                : null;
        }

        var bounded = type is JointType.Revolute or JointType.Prismatic;
        var lower = bounded ? ctx.Number(el, "lower", 0) : double.NaN;
        var upper = bounded ? ctx.Number(el, "upper", 0) : double.NaN;
        if (bounded && lower > upper)
        {
            throw ctx.Error(el, "lower", $"{lower} is above upper {upper}");
        }

        var velocity = ctx.Number(el, "velocity", null);
        var effort = ctx.Number(el, "effort", null);
        if (velocity < 0)
        {
            throw ctx.Error(el, "velocity", "must not be negative");
        }

        if (effort < 0)
        {
            throw ctx.Error(el, "effort", "must not be negative");
        }

        return new UrdfJointLimit(lower, upper, velocity, effort);
    }
}
