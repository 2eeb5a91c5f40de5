using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Registry;

/// <summary>Looks up service definitions by full name (<c>pkg/srv/Name</c>).</summary>
public interface IServiceDefinitionProvider
{
    /// <summary>Finds a service definition; false when unknown.</summary>
    bool TryGetService(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ServiceDefinition? definition);
}
