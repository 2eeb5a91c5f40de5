using Apprentice.Bag.Mcap;
using Apprentice.Bag.Metadata;
using Apprentice.Bag.Storage;

namespace Apprentice.Bag.Bags;

/// <summary>What <see cref="BagReindexer.Reindex"/> did.</summary>
/// <param name="Files">Storage files found, in order.</param>
/// <param name="Rewritten">MCAP files that had no valid summary and were rewritten with one.</param>
/// <param name="Metadata">The metadata.yaml written.</param>
public sealed record ReindexResult(IReadOnlyList<string> Files, IReadOnlyList<string> Rewritten, BagMetadata Metadata);

/// <summary>
/// Rebuilds a bag whose writer died (SIGKILL, power loss): every MCAP file without a valid summary
/// is rewritten from its recovered chunks (everything but the unfinished chunk), and metadata.yaml
/// is rebuilt from the storage files themselves.
/// </summary>
public static class BagReindexer
{
    /// <summary>Reindexes the bag in <paramref name="directory"/>.</summary>
    /// <exception cref="IOException">No storage files, or a file that cannot be read even by recovery.</exception>
    public static ReindexResult Reindex(string directory, IProgress<string>? progress = null)
    {
        var files = BagReader.StorageFilesIn(directory);
        if (files.Count == 0)
        {
            throw new IOException($"'{directory}' holds no .mcap or .db3 files to reindex.");
        }

        var old = TryReadOld(directory);
        var rewritten = new List<string>();
        foreach (var f in files.Where(f => f.EndsWith(".mcap", StringComparison.OrdinalIgnoreCase)))
        {
            bool recovered;
            using (var r = new McapStorageReader(f))
            {
                recovered = r.Recovered;
            }

            if (recovered)
            {
                progress?.Report($"rewriting {Path.GetFileName(f)} with a summary");
                Rewrite(f);
                rewritten.Add(f);
            }
        }

        var infos = new List<BagFileInformation>();
        var topics = new List<(BagTopic Topic, long Count)>();
        string? storage = null;
        foreach (var f in files)
        {
            using var r = BagStorage.OpenReader(f);
            storage ??= r.StorageIdentifier;
            var count = r.MessageCounts.Values.Sum();
            infos.Add(r.StartTimeNs is { } s
                ? new BagFileInformation(Path.GetFileName(f), s, r.EndTimeNs!.Value - s, count)
                : new BagFileInformation(Path.GetFileName(f), long.MaxValue, 0, 0));
            foreach (var t in r.Topics)
            {
                var i = topics.FindIndex(x => x.Topic.Name == t.Name);
                var n = r.MessageCounts.GetValueOrDefault(t.Name);
                if (i < 0)
                {
                    topics.Add((t, n));
                }
                else
                {
                    topics[i] = (topics[i].Topic, topics[i].Count + n);
                }
            }

            progress?.Report($"indexed {Path.GetFileName(f)}: {count} messages");
        }

        var withMessages = infos.Where(i => i.MessageCount > 0).ToList();
        var start = withMessages.Count == 0 ? long.MaxValue : withMessages.Min(i => i.StartingTimeNs);
        var metadata = new BagMetadata
        {
            StorageIdentifier = storage!,
            StartingTimeNs = start,
            DurationNs = withMessages.Count == 0 ? 0 : withMessages.Max(i => i.StartingTimeNs + i.DurationNs) - start,
            MessageCount = infos.Sum(i => i.MessageCount),
            Topics = topics.Select(t => new TopicInformation(t.Topic, t.Count)).ToList(),
            RelativeFilePaths = infos.Select(i => i.Path).ToList(),
            Files = infos,
            CustomData = old?.CustomData ?? new Dictionary<string, string>(),
            RosDistro = old?.RosDistro ?? "",
        };
        BagMetadataYaml.WriteFile(Path.Combine(directory, BagMetadataYaml.FileName), metadata);
        return new ReindexResult(files, rewritten, metadata);
    }

    private static void Rewrite(string path)
    {
        var tmp = path + ".reindex.tmp";
        using (var reader = new McapStorageReader(path))
        {
            BagCopy.Copy(reader, new McapStorageWriter(tmp));
        }

        File.Move(tmp, path, overwrite: true);
    }

    private static BagMetadata? TryReadOld(string directory)
    {
        var path = Path.Combine(directory, BagMetadataYaml.FileName);
        try
        {
            return File.Exists(path) ? BagMetadataYaml.ReadFile(path) : null;
        }
        catch (BagMetadataException)
        {
            return null; // a half-written metadata.yaml is exactly what reindex replaces
        }
    }
}
