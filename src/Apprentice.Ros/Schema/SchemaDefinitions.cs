using Apprentice.Ros.Idl;
using Apprentice.Ros.Registry;

namespace Apprentice.Ros.Schema;

/// <summary>The definitions read from one bag schema: its root type and the dependencies it carried. Immutable; thread-safe.</summary>
public sealed class SchemaDefinitions : IMessageDefinitionProvider
{
    private readonly IReadOnlyDictionary<string, MessageDefinition> definitions;
    private readonly IMessageDefinitionProvider? fallback;

    internal SchemaDefinitions(MessageDefinition root, IReadOnlyDictionary<string, MessageDefinition> definitions, IMessageDefinitionProvider? fallback)
    {
        Root = root;
        this.definitions = definitions;
        this.fallback = fallback;
    }

    /// <summary>The schema's own type (for service-event schemas, the <c>_Event</c> message).</summary>
    public MessageDefinition Root { get; }

    /// <summary>Every definition the schema text held (plus derived service parts).</summary>
    public IEnumerable<MessageDefinition> Definitions => definitions.Values;

    /// <inheritdoc/>
    public bool TryGetMessage(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MessageDefinition? definition)
    {
        var key = InterfaceName.TrySplit(name, out _, out _, out _) ? InterfaceName.ToFullName(name) : name;
        if (definitions.TryGetValue(key, out definition))
        {
            return true;
        }

        definition = null;
        return fallback is not null && fallback.TryGetMessage(name, out definition);
    }
}
