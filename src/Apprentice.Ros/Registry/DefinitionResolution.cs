using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Registry;

/// <summary>Resolves a type and everything it depends on, recursively.</summary>
public static class DefinitionResolution
{
    /// <summary>
    /// The message and its nested dependencies, each once: the root first, then dependencies
    /// depth-first in field order (the order bag schemas use).
    /// </summary>
    /// <exception cref="InterfaceNotFoundException">The root or a dependency is unknown; names the type that referenced it.</exception>
    public static IReadOnlyList<MessageDefinition> ResolveWithDependencies(this IMessageDefinitionProvider provider, string name)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var root = Get(provider, name, null);
        var result = new List<MessageDefinition> { root };
        var seen = new HashSet<string>(StringComparer.Ordinal) { root.FullName };
        Visit(provider, root, result, seen);
        return result;
    }

    /// <summary>Looks up a message or throws <see cref="InterfaceNotFoundException"/>.</summary>
    public static MessageDefinition GetMessage(this IMessageDefinitionProvider provider, string name)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return Get(provider, name, null);
    }

    private static void Visit(IMessageDefinitionProvider provider, MessageDefinition definition, List<MessageDefinition> result, HashSet<string> seen)
    {
        foreach (var dependency in definition.Dependencies)
        {
            if (!seen.Add(dependency))
            {
                continue;
            }

            var child = Get(provider, dependency, definition.FullName);
            result.Add(child);
            Visit(provider, child, result, seen);
        }
    }

    private static MessageDefinition Get(IMessageDefinitionProvider provider, string name, string? referencedBy) =>
        provider.TryGetMessage(name, out var definition)
            ? definition
            : throw new InterfaceNotFoundException(name, referencedBy,
                "Add its .msg to the project's msg/ folder, or source a ROS 2 installation (AMENT_PREFIX_PATH) that provides it.");
}
