namespace Apprentice.Ros.Idl;

/// <summary>
/// A parsed ROS 2 message type (a <c>.msg</c> file, or one half of a <c>.srv</c>). Immutable;
/// thread-safe.
/// </summary>
public sealed class MessageDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="package">Package name (<c>std_msgs</c>).</param>
    /// <param name="kind">Interface kind: <c>msg</c>, or <c>srv</c> for a service's request/response/event.</param>
    /// <param name="name">Type name (<c>Header</c>, <c>AddTwoInts_Request</c>).</param>
    /// <param name="fields">Fields in declaration order.</param>
    /// <param name="constants">Constants in declaration order.</param>
    /// <param name="text">The source text of this message (comments kept), as bag schemas embed it.</param>
    public MessageDefinition(
        string package,
        string kind,
        string name,
        IReadOnlyList<FieldDefinition> fields,
        IReadOnlyList<ConstantDefinition> constants,
        string text)
    {
        Package = package ?? throw new ArgumentNullException(nameof(package));
        Kind = kind ?? throw new ArgumentNullException(nameof(kind));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
        Constants = constants ?? throw new ArgumentNullException(nameof(constants));
        Text = text ?? throw new ArgumentNullException(nameof(text));
        FullName = package + "/" + kind + "/" + name;
    }

    /// <summary>Package name.</summary>
    public string Package { get; }

    /// <summary><c>msg</c> or <c>srv</c>.</summary>
    public string Kind { get; }

    /// <summary>Type name without package.</summary>
    public string Name { get; }

    /// <summary>Full name, <c>pkg/msg/Name</c>.</summary>
    public string FullName { get; }

    /// <summary>Short name as bag schemas write it, <c>pkg/Name</c> (kind kept for non-<c>msg</c>).</summary>
    public string ShortName => InterfaceName.ToShortForm(FullName);

    /// <summary>Fields in declaration order (may be empty: an empty struct is one uint8 on the wire).</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>Constants in declaration order.</summary>
    public IReadOnlyList<ConstantDefinition> Constants { get; }

    /// <summary>Source text (comments kept).</summary>
    public string Text { get; }

    /// <summary>Full names of nested message types the fields use, each once, in first-use order.</summary>
    public IEnumerable<string> Dependencies
    {
        get
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in Fields)
            {
                if (f.Type.MessageType is { } t && seen.Add(t))
                {
                    yield return t;
                }
            }
        }
    }

    /// <summary>The field with this name, or null.</summary>
    public FieldDefinition? FindField(string name)
    {
        foreach (var f in Fields)
        {
            if (string.Equals(f.Name, name, StringComparison.Ordinal))
            {
                return f;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => FullName;
}
