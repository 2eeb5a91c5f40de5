namespace Apprentice.Ros.Idl;

/// <summary>A constant declared in a message (<c>int32 X=5</c>). Immutable; thread-safe.</summary>
public sealed class ConstantDefinition
{
    /// <summary>Creates a constant.</summary>
    /// <param name="name">Constant name (upper snake case).</param>
    /// <param name="type">A scalar primitive type.</param>
    /// <param name="value">The value as the CLR type of its kind (see <see cref="FieldDefinition.DefaultValue"/>).</param>
    /// <param name="valueText">The value text as written.</param>
    public ConstantDefinition(string name, FieldType type, object value, string valueText)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Value = value ?? throw new ArgumentNullException(nameof(value));
        ValueText = valueText ?? throw new ArgumentNullException(nameof(valueText));
    }

    /// <summary>Constant name.</summary>
    public string Name { get; }

    /// <summary>Constant type (scalar primitive).</summary>
    public FieldType Type { get; }

    /// <summary>The value (bool, integer CLR types, float, double or string).</summary>
    public object Value { get; }

    /// <summary>The value text as written in the file.</summary>
    public string ValueText { get; }

    /// <inheritdoc/>
    public override string ToString() => Type + " " + Name + "=" + ValueText;
}
