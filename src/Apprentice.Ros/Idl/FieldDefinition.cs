namespace Apprentice.Ros.Idl;

/// <summary>One field of a message. Immutable; thread-safe.</summary>
public sealed class FieldDefinition
{
    /// <summary>Creates a field.</summary>
    /// <param name="name">Field name (lower snake case).</param>
    /// <param name="type">Field type.</param>
    /// <param name="defaultValue">Parsed default (see <see cref="DefaultValue"/>), or null.</param>
    /// <param name="defaultText">The default exactly as written, or null.</param>
    public FieldDefinition(string name, FieldType type, object? defaultValue = null, string? defaultText = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Type = type ?? throw new ArgumentNullException(nameof(type));
        DefaultValue = defaultValue;
        DefaultText = defaultText;
    }

    /// <summary>Field name.</summary>
    public string Name { get; }

    /// <summary>Field type.</summary>
    public FieldType Type { get; }

    /// <summary>
    /// The declared default, or null when none: a scalar as the CLR type of its kind (bool, sbyte,
    /// byte (for byte/char/uint8), short, ushort, int, uint, long, ulong, float, double, string),
    /// an array as <see cref="IReadOnlyList{T}"/> of <see cref="object"/> holding such scalars.
    /// </summary>
    public object? DefaultValue { get; }

    /// <summary>The default value text as written in the file (e.g. <c>[1, 2]</c>, <c>"hi"</c>), or null.</summary>
    public string? DefaultText { get; }

    /// <inheritdoc/>
    public override string ToString() => DefaultText is null ? Type + " " + Name : Type + " " + Name + " " + DefaultText;
}
