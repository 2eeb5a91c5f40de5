using Apprentice.Bag.Mcap;
using Apprentice.Bag.Sqlite;
using Apprentice.Bag.Storage;

namespace Apprentice.Bag.Bags;

/// <summary>Storage plugins by identifier (<c>mcap</c>, <c>sqlite3</c>) and file extension.</summary>
public static class BagStorage
{
    /// <summary>File extension (with dot) of a storage identifier.</summary>
    /// <exception cref="ArgumentException">Unknown storage.</exception>
    public static string Extension(string storageIdentifier) => storageIdentifier switch
    {
        "mcap" => ".mcap",
        "sqlite3" => ".db3",
        _ => throw new ArgumentException($"Unknown storage '{storageIdentifier}'; use mcap or sqlite3.", nameof(storageIdentifier)),
    };

    /// <summary>True when <paramref name="path"/> names a storage file this library reads.</summary>
    public static bool IsStorageFile(string path) =>
        path.EndsWith(".mcap", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".db3", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens a storage file for reading, choosing the plugin from the file's first bytes.</summary>
    /// <exception cref="IOException">Not a bag storage file (typed: <see cref="McapException"/>, <see cref="SqliteStorageException"/>).</exception>
    public static IBagStorageReader OpenReader(string path, McapReaderOptions? mcapOptions = null)
    {
        Span<byte> head = stackalloc byte[16];
        int n;
        using (var f = File.OpenRead(path))
        {
            n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (n >= 8 && head[..8].SequenceEqual(McapMagic.Bytes))
        {
            return new McapStorageReader(path, mcapOptions);
        }

        if (n >= 16 && head.SequenceEqual("SQLite format 3\0"u8))
        {
            return new SqliteStorageReader(path);
        }

        throw new IOException($"'{path}' is neither an MCAP nor a sqlite3 file (unknown first bytes).");
    }

    /// <summary>Creates a storage file for writing.</summary>
    public static IBagStorageWriter CreateWriter(string path, string storageIdentifier, McapWriterOptions? mcapOptions = null,
        string rosDistro = "") => storageIdentifier switch
    {
        "mcap" => new McapStorageWriter(path, mcapOptions),
        "sqlite3" => new SqliteStorageWriter(path, rosDistro),
        _ => throw new ArgumentException($"Unknown storage '{storageIdentifier}'; use mcap or sqlite3.", nameof(storageIdentifier)),
    };
}
