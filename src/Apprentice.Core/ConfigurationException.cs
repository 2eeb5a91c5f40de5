namespace Apprentice.Core;

/// <summary>
/// A configuration that cannot work, found at configure time (never on the hot path). The message
/// names the field at fault and what would fix it.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public ConfigurationException(string field, string message)
        : base(field + ": " + message)
    {
        Field = field;
    }

    /// <summary>Creates the exception without a field name.</summary>
    public ConfigurationException()
        : this("configuration", "invalid configuration")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ConfigurationException(string message)
        : this("configuration", message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "configuration";
    }

    /// <summary>The option, parameter or field at fault (for example <c>joints.names[2]</c>).</summary>
    public string Field { get; } = "configuration";
}
