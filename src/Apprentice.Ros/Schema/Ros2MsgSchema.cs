using System.Text;
using Apprentice.Ros.Idl;
using Apprentice.Ros.Registry;

namespace Apprentice.Ros.Schema;

/// <summary>
/// The <c>ros2msg</c> schema text rosbag2 stores with each topic: the type's own <c>.msg</c> text,
/// then every nested dependency once, depth-first, each introduced by <c>\n</c> + 80 <c>=</c> +
/// <c>\nMSG: pkg/Type\n</c>. Service-event types (<c>pkg/srv/Name_Event</c>) are written as the
/// <c>.srv</c> text, as rosbag2 does. Stateless and thread-safe.
/// </summary>
public static class Ros2MsgSchema
{
    /// <summary>The schema encoding name used in MCAP schema records and db3 <c>message_definitions</c>.</summary>
    public const string Encoding = "ros2msg";

    /// <summary>The line that separates sections (80 <c>=</c>).</summary>
    public static readonly string SeparatorLine = new('=', 80);

    /// <summary>
    /// Builds the schema text for <paramref name="typeName"/>: <c>pkg/msg/Name</c>, or
    /// <c>pkg/srv/Name_Event</c> / <c>pkg/srv/Name</c> (the <c>.srv</c> text, as rosbag2 stores service events).
    /// </summary>
    /// <exception cref="InterfaceNotFoundException">The type or a dependency is unknown.</exception>
    public static string Build(IMessageDefinitionProvider provider, string typeName)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(typeName);
        string rootText;
        IEnumerable<MessageDefinition> roots;
        var serviceName = typeName.EndsWith("_Event", StringComparison.Ordinal) ? typeName.Substring(0, typeName.Length - "_Event".Length) : typeName;
        if (typeName.Contains("/srv/", StringComparison.Ordinal) && provider is IServiceDefinitionProvider services &&
            services.TryGetService(serviceName, out var service))
        {
            rootText = service.Text;
            roots = new[] { service.Request, service.Response };
        }
        else
        {
            var root = provider.GetMessage(typeName);
            rootText = root.Text;
            roots = new[] { root };
        }

        var sb = new StringBuilder(rootText);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            written.Add(root.FullName);
        }

        foreach (var root in roots)
        {
            foreach (var dependency in provider.ResolveWithDependencies(root.FullName).Skip(1))
            {
                if (written.Add(dependency.FullName))
                {
                    sb.Append('\n').Append(SeparatorLine).Append("\nMSG: ").Append(dependency.ShortName).Append('\n').Append(dependency.Text);
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Parses a schema text from a bag into definitions. Repeated dependency sections are
    /// tolerated (the first wins); a <c>.srv</c>-form root (service-event topics) yields the
    /// request, response and <c>_Event</c> messages. Types the text does not contain (e.g.
    /// <c>service_msgs/ServiceEventInfo</c>) are looked up in <paramref name="fallback"/>.
    /// </summary>
    /// <param name="typeName">The schema name (<c>pkg/msg/Name</c> or <c>pkg/srv/Name_Event</c>).</param>
    /// <param name="text">The schema data.</param>
    /// <param name="fallback">Where to find types the schema lacks, or null.</param>
    /// <exception cref="IdlParseException">A section does not parse; the file name is <c>schema of &lt;type&gt;</c>.</exception>
    public static SchemaDefinitions Parse(string typeName, string text, IMessageDefinitionProvider? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(text);
        var fullName = InterfaceName.TrySplit(typeName, out _, out _, out _) ? InterfaceName.ToFullName(typeName) : typeName;
        var sections = Split(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        var definitions = new Dictionary<string, MessageDefinition>(StringComparer.Ordinal);
        var parts = fullName.Split('/');
        if (parts.Length != 3)
        {
            throw new IdlParseException("schema name '" + typeName + "' is not pkg/msg/Name or pkg/srv/Name_Event", "schema", 0, 0);
        }

        var source = "schema of " + typeName;
        MessageDefinition root;
        if (parts[1] == "srv" || MsgParser.LooksLikeService(sections[0].Text))
        {
            var serviceName = parts[2];
            foreach (var suffix in new[] { "_Event", "_Request", "_Response" })
            {
                if (serviceName.EndsWith(suffix, StringComparison.Ordinal))
                {
                    serviceName = serviceName.Substring(0, serviceName.Length - suffix.Length);
                    break;
                }
            }

            var service = MsgParser.ParseService(sections[0].Text, parts[0], serviceName, source);
            definitions[service.Request.FullName] = service.Request;
            definitions[service.Response.FullName] = service.Response;
            var evt = service.CreateEventMessage();
            definitions[evt.FullName] = evt;
            root = fullName.EndsWith("_Request", StringComparison.Ordinal) ? service.Request
                : fullName.EndsWith("_Response", StringComparison.Ordinal) ? service.Response : evt;
        }
        else
        {
            root = MsgParser.ParseMessage(sections[0].Text, parts[0], parts[2], source);
            definitions[root.FullName] = root;
        }

        for (var i = 1; i < sections.Count; i++)
        {
            var name = sections[i].Name!;
            if (!InterfaceName.TrySplit(name, out var package, out _, out var type))
            {
                throw new IdlParseException("section header 'MSG: " + name + "' does not name a type pkg/Name", source, 0, 0);
            }

            var full = package + "/msg/" + type;
            if (!definitions.ContainsKey(full))
            {
                definitions[full] = MsgParser.ParseMessage(sections[i].Text, package, type, source + ", section " + name);
            }
        }

        return new SchemaDefinitions(root, definitions, fallback);
    }

    private static List<(string? Name, string Text)> Split(string text)
    {
        var marker = "\n" + SeparatorLine + "\nMSG: ";
        var result = new List<(string? Name, string Text)>();
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        result.Add((null, index < 0 ? text : text.Substring(0, index)));
        while (index >= 0)
        {
            var nameStart = index + marker.Length;
            var nameEnd = text.IndexOf('\n', nameStart);
            var name = (nameEnd < 0 ? text.Substring(nameStart) : text.Substring(nameStart, nameEnd - nameStart)).Trim();
            var bodyStart = nameEnd < 0 ? text.Length : nameEnd + 1;
            index = bodyStart >= text.Length ? -1 : text.IndexOf(marker, bodyStart, StringComparison.Ordinal);
            var body = index < 0 ? text.Substring(bodyStart) : text.Substring(bodyStart, index - bodyStart);
            result.Add((name, body));
        }

        return result;
    }
}
