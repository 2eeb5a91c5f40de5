namespace Apprentice.Ros.Registry;

/// <summary>An interface type is not known to the registry (or a schema lacks a dependency).</summary>
public sealed class InterfaceNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="typeName">The missing type.</param>
    /// <param name="referencedBy">The type whose field needs it, or null for a direct lookup.</param>
    /// <param name="hint">Where the lookup searched / how to fix it.</param>
    public InterfaceNotFoundException(string typeName, string? referencedBy, string hint)
        : base("Unknown interface type '" + typeName + "'" +
               (referencedBy is null ? string.Empty : " (used by a field of '" + referencedBy + "')") + ". " + hint)
    {
        TypeName = typeName;
        ReferencedBy = referencedBy;
    }

    /// <summary>The missing type name.</summary>
    public string TypeName { get; }

    /// <summary>The type that references the missing one, or null.</summary>
    public string? ReferencedBy { get; }
}
