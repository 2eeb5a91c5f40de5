using Apprentice.Bag.Metadata;
using Apprentice.Bag.Storage;

namespace Apprentice.Bag.Bags;

/// <summary>
/// Reads a whole bag: a directory with metadata.yaml and its storage files, a directory of storage
/// files without metadata.yaml, or one storage file. Messages come out merged across files and
/// topics in receive-time order (ties: file order, then storage order). Not thread-safe.
/// </summary>
public sealed class BagReader : IDisposable
{
    private readonly List<IBagStorageReader> _files;

    private BagReader(string path, BagMetadata? metadata, List<IBagStorageReader> files)
    {
        Path = path;
        Metadata = metadata;
        _files = files;
        Topics = files.SelectMany(f => f.Topics).GroupBy(t => t.Name).Select(g => g.First()).ToList();
        Definitions = BagDefinitions.Resolve(files.Where(f => f.StorageIdentifier == "mcap").Concat(files));
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (topic, n) in files.SelectMany(f => f.MessageCounts))
        {
            counts[topic] = counts.GetValueOrDefault(topic) + n;
        }

        MessageCounts = counts;
        StartTimeNs = files.Select(f => f.StartTimeNs).Where(t => t is not null).Min();
        EndTimeNs = files.Select(f => f.EndTimeNs).Where(t => t is not null).Max();
    }

    /// <summary>The bag directory or file.</summary>
    public string Path { get; }

    /// <summary>metadata.yaml when the bag has one.</summary>
    public BagMetadata? Metadata { get; }

    /// <summary>The storage files, in bag order.</summary>
    public IReadOnlyList<IBagStorageReader> Files => _files;

    /// <summary>
    /// Storage files in the bag directory that metadata.yaml does not list (a sign of an
    /// interrupted recording or a hand-edited bag: run <c>apprentice bag reindex</c>).
    /// </summary>
    public IReadOnlyList<string> UnlistedFiles { get; private init; } = [];

    /// <summary>Topics across all files (first occurrence wins).</summary>
    public IReadOnlyList<BagTopic> Topics { get; }

    /// <summary>One definition per type, trustworthy ones (MCAP schemas first) preferred.</summary>
    public IReadOnlyDictionary<string, BagMessageDefinition> Definitions { get; }

    /// <summary>Messages per topic across all files (counted from the storage, not metadata.yaml).</summary>
    public IReadOnlyDictionary<string, long> MessageCounts { get; }

    /// <summary>Earliest receive time (ns) in the storage files, or null when empty.</summary>
    public long? StartTimeNs { get; }

    /// <summary>Latest receive time (ns) in the storage files, or null when empty.</summary>
    public long? EndTimeNs { get; }

    /// <summary>Total messages.</summary>
    public long MessageCount => MessageCounts.Values.Sum();

    /// <summary>Opens a bag directory or a single storage file.</summary>
    /// <exception cref="BagMetadataException">metadata.yaml is invalid or names a file outside the bag directory.</exception>
    /// <exception cref="FileNotFoundException">The path or a listed storage file does not exist.</exception>
    public static BagReader Open(string path)
    {
        if (File.Exists(path))
        {
            return new BagReader(path, null, [BagStorage.OpenReader(path)]);
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"No bag at '{path}' (neither a directory nor a file).", path);
        }

        var metaPath = System.IO.Path.Combine(path, BagMetadataYaml.FileName);
        var metadata = File.Exists(metaPath) ? BagMetadataYaml.ReadFile(metaPath) : null;
        var paths = metadata is not null
            ? metadata.RelativeFilePaths.Select(p => ResolveInside(path, p, metaPath)).ToList()
            : StorageFilesIn(path);
        var files = new List<IBagStorageReader>();
        try
        {
            foreach (var p in paths)
            {
                files.Add(BagStorage.OpenReader(p));
            }
        }
        catch
        {
            files.ForEach(f => f.Dispose());
            throw;
        }

        var unlisted = metadata is null ? [] : StorageFilesIn(path).Select(System.IO.Path.GetFullPath)
            .Except(paths.Select(System.IO.Path.GetFullPath)).ToList();
        return new BagReader(path, metadata, files) { UnlistedFiles = unlisted };
    }

    /// <summary>Storage files of a directory in split order (<c>name_0</c>, <c>name_1</c>, … numerically).</summary>
    public static List<string> StorageFilesIn(string directory) =>
        Directory.GetFiles(directory).Where(BagStorage.IsStorageFile)
            .OrderBy(f => SplitKey(f).Prefix, StringComparer.Ordinal).ThenBy(f => SplitKey(f).Index)
            .ThenBy(f => f, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Resolves a <c>relative_file_paths</c> entry and refuses one that escapes the bag directory
    /// (absolute, <c>..</c>, or a link out), so a hostile metadata.yaml cannot make us read elsewhere.
    /// </summary>
    /// <exception cref="BagMetadataException">The path escapes the directory.</exception>
    public static string ResolveInside(string directory, string relative, string metaPath)
    {
        var root = System.IO.Path.GetFullPath(directory);
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relative));
        var rootWithSep = root.EndsWith(System.IO.Path.DirectorySeparatorChar) ? root : root + System.IO.Path.DirectorySeparatorChar;
        if (System.IO.Path.IsPathRooted(relative) || !full.StartsWith(rootWithSep, StringComparison.Ordinal) ||
            (File.Exists(full) && new FileInfo(full).LinkTarget is not null))
        {
            throw new BagMetadataException(
                $"{metaPath}: relative_file_paths entry '{relative}' points outside the bag directory '{root}'; " +
                "fix the entry or run `apprentice bag reindex`.");
        }

        return full;
    }

    /// <summary>Messages merged across files in receive-time order, filtered.</summary>
    public IEnumerable<BagMessage> ReadMessages(BagReadFilter? filter = null)
    {
        var enumerators = _files.Select(f => f.ReadMessages(filter).GetEnumerator()).ToList();
        try
        {
            var queue = new PriorityQueue<int, (long Time, int File)>();
            for (var i = 0; i < enumerators.Count; i++)
            {
                if (enumerators[i].MoveNext())
                {
                    queue.Enqueue(i, (enumerators[i].Current.RecvTimestampNs, i));
                }
            }

            while (queue.TryDequeue(out var i, out _))
            {
                yield return enumerators[i].Current;
                if (enumerators[i].MoveNext())
                {
                    queue.Enqueue(i, (enumerators[i].Current.RecvTimestampNs, i));
                }
            }
        }
        finally
        {
            enumerators.ForEach(e => e.Dispose());
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _files.ForEach(f => f.Dispose());

    private static (string Prefix, long Index) SplitKey(string file)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(file);
        var cut = name.LastIndexOf('_');
        return cut >= 0 && long.TryParse(name.AsSpan(cut + 1), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var n) ? (name[..cut], n) : (name, -1);
    }
}
