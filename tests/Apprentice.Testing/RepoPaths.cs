namespace Apprentice.Testing;

/// <summary>Paths inside the repository checkout the tests run from.</summary>
public static class RepoPaths
{
    /// <summary>The repository root (the folder holding <c>Apprentice.sln</c>).</summary>
    public static string Root { get; } = Find();

    /// <summary>Absolute path under the repository root.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Apprentice.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Apprentice.sln not found above " + AppContext.BaseDirectory);
    }
}
