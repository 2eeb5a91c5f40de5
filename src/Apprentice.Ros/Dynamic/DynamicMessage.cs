using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Dynamic;

/// <summary>
/// A message decoded (or built) from its definition alone. Values follow the field order; each is
/// the CLR type of its kind: <c>bool</c>, <c>byte</c> (byte, char, uint8), <c>sbyte</c>,
/// <c>short</c>, <c>ushort</c>, <c>int</c>, <c>uint</c>, <c>long</c>, <c>ulong</c>, <c>float</c>,
/// <c>double</c>, <c>string</c>, a nested <see cref="DynamicMessage"/>, or a typed array of those
/// (<c>double[]</c>, <c>string[]</c>, <c>DynamicMessage[]</c>, …). Mutable; not thread-safe.
/// </summary>
public sealed class DynamicMessage
{
    private readonly object[] values;

    /// <summary>Creates a message with the given values (one per field, in order).</summary>
    public DynamicMessage(MessageDefinition definition, object[] values)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != definition.Fields.Count)
        {
            throw new ArgumentException(
                definition.FullName + " has " + definition.Fields.Count + " fields but " + values.Length + " values were given", nameof(values));
        }

        this.values = values;
    }

    /// <summary>The message's definition.</summary>
    public MessageDefinition Definition { get; }

    /// <summary>Values in field order.</summary>
    public IReadOnlyList<object> Values => values;

    /// <summary>Gets or sets a field's value by name.</summary>
    /// <exception cref="KeyNotFoundException">No such field.</exception>
    public object this[string fieldName]
    {
        get => values[IndexOf(fieldName)];
        set => values[IndexOf(fieldName)] = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets or sets a field's value by position.</summary>
    public object this[int index]
    {
        get => values[index];
        set => values[index] = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The message as YAML, formatted like <c>ros2 topic echo</c> (without the <c>---</c> line).</summary>
    public override string ToString() => DynamicYamlWriter.Write(this);

    private int IndexOf(string fieldName)
    {
        var fields = Definition.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i].Name, fieldName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new KeyNotFoundException(Definition.FullName + " has no field '" + fieldName + "'");
    }
}
