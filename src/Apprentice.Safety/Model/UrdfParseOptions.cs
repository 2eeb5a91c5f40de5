namespace Apprentice.Safety.Model;

/// <summary>Options of <see cref="UrdfParser"/>. Immutable.</summary>
public sealed record UrdfParseOptions
{
    /// <summary>The defaults.</summary>
    public static UrdfParseOptions Default { get; } = new();

    /// <summary>
    /// Radius in metres of the bounding sphere that replaces a mesh collision element (meshes are not loaded), before
    /// the mesh's scale is applied (the largest scale component multiplies it). Default 0.1 m. Must be positive.
    /// </summary>
    public double MeshBoundingRadiusM { get; init; } = 0.1;

    /// <summary>Per-mesh-file radius overrides in metres (key: the mesh filename attribute as written). Default empty.</summary>
    public IReadOnlyDictionary<string, double> MeshRadiusOverridesM { get; init; } = new Dictionary<string, double>();

    /// <summary>Largest accepted document, in characters (guards against huge inputs). Default 16 Mi.</summary>
    public int MaxDocumentChars { get; init; } = 16 * 1024 * 1024;
}
