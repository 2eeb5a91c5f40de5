using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Apprentice.Safety.Geometry;

namespace Apprentice.Safety.Model;

/// <summary>
/// Parses URDF text into a <see cref="RobotDescription"/>. Configure-time only (allocates); thread-safe.
/// Every error is a <see cref="UrdfFormatException"/> naming the source, line, element and attribute.
/// </summary>
public static class UrdfParser
{
    /// <summary>Parses a URDF document.</summary>
    /// <param name="xml">The URDF text.</param>
    /// <param name="sourceName">Name used in error messages (file name or topic).</param>
    /// <param name="options">Parse options; <see cref="UrdfParseOptions.Default"/> when null.</param>
    /// <exception cref="UrdfFormatException">The document is not valid URDF.</exception>
    public static RobotDescription Parse(string xml, string sourceName = "urdf", UrdfParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        options ??= UrdfParseOptions.Default;
        var ctx = new UrdfReadContext(sourceName, options);
        if (xml.Length > options.MaxDocumentChars)
        {
            throw new UrdfFormatException($"{sourceName}: document has {xml.Length} characters, more than the limit {options.MaxDocumentChars}; raise UrdfParseOptions.MaxDocumentChars if this is intended.");
        }

        XDocument doc;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersFromEntities = 1024 };
            using var sr = new StringReader(xml);
            using var reader = XmlReader.Create(sr, settings);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new UrdfFormatException($"{sourceName}: not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}", ex);
        }

        var robot = doc.Root;
        if (robot is null || robot.Name.LocalName != "robot")
        {
            throw new UrdfFormatException($"{sourceName}: the root element must be <robot>, found <{robot?.Name.LocalName}>.");
        }

        var name = ctx.Required(robot, "name");
        var links = new List<UrdfLink>();
        var linkNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var el in robot.Elements("link"))
        {
            var link = UrdfElementReader.ReadLink(ctx, el);
            if (!linkNames.Add(link.Name))
            {
                throw ctx.Error(el, "name", $"duplicate link name '{link.Name}'; link names must be unique");
            }

            links.Add(link);
        }

        if (links.Count == 0)
        {
            throw ctx.Error(robot, null, "the robot has no <link>; a URDF needs at least one link");
        }

        var joints = new List<UrdfJoint>();
        var jointNames = new HashSet<string>(StringComparer.Ordinal);
        var children = new HashSet<string>(StringComparer.Ordinal);
        foreach (var el in robot.Elements("joint"))
        {
            var joint = UrdfElementReader.ReadJoint(ctx, el);
            if (!jointNames.Add(joint.Name))
            {
                throw ctx.Error(el, "name", $"duplicate joint name '{joint.Name}'; joint names must be unique");
            }

            if (!linkNames.Contains(joint.Parent))
            {
                throw ctx.Error(el.Element("parent")!, "link", $"joint '{joint.Name}' names parent link '{joint.Parent}', which is not defined");
            }

            if (!linkNames.Contains(joint.Child))
            {
                throw ctx.Error(el.Element("child")!, "link", $"joint '{joint.Name}' names child link '{joint.Child}', which is not defined");
            }

            if (!children.Add(joint.Child))
            {
                throw ctx.Error(el.Element("child")!, "link", $"link '{joint.Child}' is the child of two joints; a URDF is a tree");
            }

            joints.Add(joint);
        }

        foreach (var j in joints.Where(j => j.Mimic is not null))
        {
            if (!jointNames.Contains(j.Mimic!.Joint))
            {
                throw new UrdfFormatException($"{sourceName}: <joint name=\"{j.Name}\"> <mimic joint=\"{j.Mimic.Joint}\">: no joint of that name; fix the mimic joint attribute.");
            }
        }

        var roots = links.Count(l => !children.Contains(l.Name));
        if (roots != 1)
        {
            throw ctx.Error(robot, null, $"the links form {roots} trees (or a cycle); a URDF must have exactly one root link");
        }

        return new RobotDescription(name, links, joints);
    }
}

/// <summary>Source name, options and error formatting shared by the URDF readers.</summary>
internal sealed class UrdfReadContext(string sourceName, UrdfParseOptions options)
{
    public string SourceName { get; } = sourceName;

    public UrdfParseOptions Options { get; } = options;

    public UrdfFormatException Error(XElement el, string? attribute, string problem)
    {
        var line = ((IXmlLineInfo)el).HasLineInfo() ? $" line {((IXmlLineInfo)el).LineNumber}" : string.Empty;
        var owner = el.Attribute("name")?.Value;
        var elDesc = owner is null ? $"<{el.Name.LocalName}>" : $"<{el.Name.LocalName} name=\"{owner}\">";
        var parent = el.Parent is { } p && p.Attribute("name") is { } pn && p.Name.LocalName != "robot"
            ? $" in <{p.Name.LocalName} name=\"{pn.Value}\">" : string.Empty;
        var attr = attribute is null ? string.Empty : $" attribute '{attribute}'";
        return new UrdfFormatException($"{SourceName}{line}: {elDesc}{parent}{attr}: {problem}.");
    }

    public string Required(XElement el, string attribute)
    {
        var v = el.Attribute(attribute)?.Value;
        return string.IsNullOrWhiteSpace(v) ? throw Error(el, attribute, "is required and missing or empty") : v;
    }

    public double Number(XElement el, string attribute, double? fallback)
    {
        var raw = el.Attribute(attribute)?.Value;
        if (raw is null)
        {
            return fallback ?? throw Error(el, attribute, "is required and missing");
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            throw Error(el, attribute, $"'{raw}' is not a finite number");
        }

        return v;
    }

    public Vec3 Triple(XElement el, string attribute, Vec3 fallback)
    {
        var raw = el.Attribute(attribute)?.Value;
        if (raw is null)
        {
            return fallback;
        }

        var parts = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var values = new double[3];
        if (parts.Length != 3)
        {
            throw Error(el, attribute, $"'{raw}' must hold three numbers separated by spaces");
        }

        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw Error(el, attribute, $"'{parts[i]}' in '{raw}' is not a finite number");
            }
        }

        return new Vec3(values[0], values[1], values[2]);
    }

    public Transform3 Origin(XElement parent)
    {
        var origin = parent.Element("origin");
        return origin is null
            ? Transform3.Identity
            : Transform3.FromXyzRpy(Triple(origin, "xyz", Vec3.Zero), Triple(origin, "rpy", Vec3.Zero));
    }
}
