using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Generator;

/// <summary>
/// The ROS types one file declares and the nested types its fields use, kept as text lines so the
/// value stays equatable (for incremental caching). Used to report unknown nested types (APPR003)
/// instead of letting the generated code fail with a C# "type not found" error.
/// </summary>
internal sealed class TypeReferences : IEquatable<TypeReferences>
{
    public TypeReferences(string path, string declared, string used)
    {
        Path = path;
        Declared = declared;
        Used = used;
    }

    public string Path { get; }

    /// <summary>Full ROS names declared, one per line.</summary>
    public string Declared { get; }

    /// <summary><c>pkg/msg/Type field_qualified_name</c> lines, one per nested-type field.</summary>
    public string Used { get; }

    public static TypeReferences Of(string path, params MessageDefinition[] messages)
    {
        var declared = new List<string>();
        var used = new List<string>();
        foreach (var m in messages)
        {
            declared.Add(m.FullName);
            foreach (var f in m.Fields)
            {
                if (f.Type.MessageType is { } t)
                {
                    used.Add(t + " " + m.FullName + "." + f.Name);
                }
            }
        }

        return new TypeReferences(path, string.Join("\n", declared), string.Join("\n", used));
    }

    public bool Equals(TypeReferences? other) =>
        other is not null && Path == other.Path && Declared == other.Declared && Used == other.Used;

    public override bool Equals(object? obj) => Equals(obj as TypeReferences);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path) ^ StringComparer.Ordinal.GetHashCode(Used);
}
