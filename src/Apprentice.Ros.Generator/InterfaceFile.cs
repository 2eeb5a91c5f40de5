namespace Apprentice.Ros.Generator;

/// <summary>
/// One <c>.msg</c>/<c>.srv</c> input: its path, text and package. A value type with value
/// equality so the incremental pipeline skips files that did not change.
/// </summary>
internal sealed class InterfaceFile : IEquatable<InterfaceFile>
{
    public InterfaceFile(string path, string text, string? package, bool isService, string name)
    {
        Path = path;
        Text = text;
        Package = package;
        IsService = isService;
        Name = name;
    }

    /// <summary>The file path as the compiler sees it (diagnostics point here).</summary>
    public string Path { get; }

    public string Text { get; }

    /// <summary>The ROS package, or null when neither metadata nor the path names one.</summary>
    public string? Package { get; }

    public bool IsService { get; }

    /// <summary>The type name: the file name without extension.</summary>
    public string Name { get; }

    public bool Equals(InterfaceFile? other) =>
        other is not null && Path == other.Path && Text == other.Text && Package == other.Package && IsService == other.IsService;

    public override bool Equals(object? obj) => Equals(obj as InterfaceFile);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path) ^ StringComparer.Ordinal.GetHashCode(Text);
}
