using Apprentice.Ros.Names;

namespace Apprentice.Ros.Args;

/// <summary>Applies remap rules the way rcl does: first matching rule wins. Pure.</summary>
public static class RemapResolver
{
    /// <summary>The node's name and namespace after <c>__node</c>/<c>__ns</c> rules.</summary>
    public static (string NodeName, string Namespace) ResolveNode(string nodeName, string ns, IReadOnlyList<RosRemap> remaps)
    {
        ArgumentNullException.ThrowIfNull(remaps);
        var name = remaps.FirstOrDefault(r => r.From == "__node" && Applies(r, nodeName))?.To ?? nodeName;
        var space = remaps.FirstOrDefault(r => r.From == "__ns" && Applies(r, nodeName))?.To ?? ns;
        return (name, space);
    }

    /// <summary>
    /// A fully-qualified topic or service name after topic rules. <paramref name="nodeName"/> and
    /// <paramref name="ns"/> are the resolved ones; rules are expanded with them.
    /// </summary>
    public static string RemapTopic(string fullyQualifiedName, string nodeName, string ns, IReadOnlyList<RosRemap> remaps, string? originalNodeName = null)
    {
        ArgumentNullException.ThrowIfNull(remaps);
        foreach (var r in remaps)
        {
            if (r.From is "__node" or "__ns" || !Applies(r, originalNodeName ?? nodeName))
            {
                continue;
            }

            if (RosNames.ExpandTopicName(r.From, nodeName, ns) == fullyQualifiedName)
            {
                return RosNames.ExpandTopicName(r.To, nodeName, ns);
            }
        }

        return fullyQualifiedName;
    }

    private static bool Applies(RosRemap r, string nodeName) => r.Node is null || r.Node == nodeName;
}
