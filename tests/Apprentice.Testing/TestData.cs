namespace Apprentice.Testing;

/// <summary>Locates the shared, read-only test data (real rosbag2 bags, MCAP conformance files).</summary>
public static class TestData
{
    /// <summary>
    /// The <c>testdata</c> folder: <c>$APPRENTICE_TESTDATA</c> when set, else the first
    /// <c>shared/testdata</c> found walking up from the test assembly (the repository's sibling
    /// <c>../shared/testdata</c> in a normal checkout).
    /// </summary>
    public static string Root { get; } = Find();

    /// <summary>Absolute path of a file or folder under <see cref="Root"/>.</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("APPRENTICE_TESTDATA");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "testdata");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "shared/testdata not found above " + AppContext.BaseDirectory +
            "; set APPRENTICE_TESTDATA to the folder holding manifest.json.");
    }
}
