using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Registry;

/// <summary>Looks up message definitions by full name (<c>pkg/msg/Name</c>, or <c>pkg/Name</c>).</summary>
public interface IMessageDefinitionProvider
{
    /// <summary>Finds a message definition; false when unknown.</summary>
    /// <param name="name">Full name <c>pkg/msg/Name</c> (or <c>pkg/srv/Name_Request</c> etc.); <c>pkg/Name</c> is accepted too.</param>
    /// <param name="definition">The definition when found.</param>
    bool TryGetMessage(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MessageDefinition? definition);
}
