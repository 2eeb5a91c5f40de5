using System.Text;
using Apprentice.Bag.Storage;

namespace Apprentice.Bag.Mcap;

/// <summary>
/// <see cref="IBagStorageReader"/> over an MCAP file. Uses the summary when it is there and
/// valid; otherwise (writer killed, file truncated) scans the file and recovers every complete
/// chunk, with <see cref="Recovered"/> set.
/// </summary>
public sealed class McapStorageReader : IBagStorageReader
{
    /// <summary>Key of the rosbag2 metadata record and channel metadata keys rosbag2 uses.</summary>
    internal const string Rosbag2MetadataName = "rosbag2";
    internal const string SerializedMetadataKey = "serialized_metadata";
    internal const string QosKey = "offered_qos_profiles";
    internal const string TypeHashKey = "topic_type_hash";

    private readonly FileStream _stream;
    private readonly McapIndexedReader? _indexed;
    private readonly List<McapMessage>? _scanned;
    private readonly Dictionary<ushort, string> _topicOfChannel = [];

    /// <summary>Opens <paramref name="path"/> read-only.</summary>
    /// <exception cref="McapException">The file is not MCAP or cannot be read even by recovery.</exception>
    public McapStorageReader(string path, McapReaderOptions? options = null)
    {
        FilePath = path;
        options ??= McapReaderOptions.Default;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        McapSummary summary;
        var metadata = new List<McapMetadata>();
        var damaged = false;
        try
        {
            try
            {
                _indexed = McapIndexedReader.Open(_stream, options);
                summary = _indexed.Summary;
                metadata.AddRange(summary.MetadataIndexes
                    .Where(i => i.Name == Rosbag2MetadataName).Select(_indexed.ReadMetadata));
                if (summary.ChunkIndexes.Count == 0 && summary.Statistics is not { MessageCount: 0 })
                {
                    _indexed = null; // unchunked messages: only a scan finds them
                }
            }
            catch (McapException)
            {
                _indexed = null;
                damaged = true;
            }

            if (_indexed is null)
            {
                metadata.Clear();
                McapStreamReader scan;
                (summary, _scanned, scan) = Scan(options with { Recover = damaged }, metadata);

                // A complete file that simply has no summary (allowed by the spec) is not damaged.
                Recovered = damaged && (!scan.Complete || scan.Truncated || scan.SkippedChunks > 0 ||
                                        scan.Footer is not { SummaryStart: 0 });
            }
            else
            {
                summary = _indexed.Summary;
            }
        }
        catch
        {
            _stream.Dispose();
            throw;
        }

        Header = summary.Header;
        SerializedBagMetadata = metadata.LastOrDefault()?.Metadata.GetValueOrDefault(SerializedMetadataKey);
        (Topics, Definitions) = Describe(summary);
        (MessageCounts, StartTimeNs, EndTimeNs) = Count(summary);
    }

    /// <inheritdoc/>
    public string FilePath { get; }

    /// <inheritdoc/>
    public string StorageIdentifier => "mcap";

    /// <summary>The file's MCAP Header (profile, library).</summary>
    public McapHeader Header { get; }

    /// <inheritdoc/>
    public IReadOnlyList<BagTopic> Topics { get; }

    /// <inheritdoc/>
    public IReadOnlyList<BagMessageDefinition> Definitions { get; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, long> MessageCounts { get; }

    /// <inheritdoc/>
    public long? StartTimeNs { get; }

    /// <inheritdoc/>
    public long? EndTimeNs { get; }

    /// <inheritdoc/>
    public string? SerializedBagMetadata { get; }

    /// <inheritdoc/>
    public bool Recovered { get; }

    /// <inheritdoc/>
    public IEnumerable<BagMessage> ReadMessages(BagReadFilter? filter = null)
    {
        filter ??= BagReadFilter.All;
        var start = (ulong)Math.Max(0, filter.StartNs);
        var end = filter.EndNs < 0 ? 0 : (ulong)filter.EndNs;
        if (filter.EndNs < 0)
        {
            yield break;
        }

        var messages = _indexed is not null
            ? _indexed.ReadMessages(c => filter.Includes(c.Topic), start, end)
            : _scanned!.Where(m => m.LogTime >= start && m.LogTime <= end &&
                                   _topicOfChannel.TryGetValue(m.ChannelId, out var t) && filter.Includes(t));
        foreach (var m in messages)
        {
            if (_topicOfChannel.TryGetValue(m.ChannelId, out var topic))
            {
                yield return new BagMessage(topic, (long)m.LogTime, (long)m.PublishTime, m.Data);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();

    private (McapSummary, List<McapMessage>, McapStreamReader) Scan(McapReaderOptions options, List<McapMetadata> metadata)
    {
        _stream.Position = 0;
        var summary = new McapSummary();
        var messages = new List<McapMessage>();
        var reader = new McapStreamReader(_stream, options);
        foreach (var r in reader.ReadRecords())
        {
            switch (r)
            {
                case McapMessage m:
                    messages.Add(m);
                    break;
                case McapMetadata md when md.Name == Rosbag2MetadataName:
                    metadata.Add(md);
                    break;
                case McapStatistics:
                    break; // recount below; a scan must not trust a partial summary
                default:
                    summary.Add(r);
                    break;
            }
        }

        // Stable sort: log-time order, ties in file order.
        var sorted = messages.Select((m, i) => (m, i)).OrderBy(p => p.m.LogTime).ThenBy(p => p.i)
            .Select(p => p.m).ToList();
        return (summary, sorted, reader);
    }

    private (IReadOnlyList<BagTopic>, IReadOnlyList<BagMessageDefinition>) Describe(McapSummary summary)
    {
        var topics = new List<BagTopic>();
        foreach (var c in summary.Channels.Values.OrderBy(c => c.Id))
        {
            _topicOfChannel[c.Id] = c.Topic;
            if (topics.Any(t => t.Name == c.Topic))
            {
                continue;
            }

            var type = summary.Schemas.TryGetValue(c.SchemaId, out var s) ? s.Name : "";
            topics.Add(new BagTopic(c.Topic, type, c.MessageEncoding,
                c.Metadata.GetValueOrDefault(QosKey, ""), c.Metadata.GetValueOrDefault(TypeHashKey, "")));
        }

        var definitions = summary.Schemas.Values.OrderBy(s => s.Id).GroupBy(s => s.Name).Select(g => g.First())
            .Select(s => new BagMessageDefinition(s.Name, s.Encoding, Encoding.UTF8.GetString(s.Data.Span)))
            .ToList();
        return (topics, definitions);
    }

    private (IReadOnlyDictionary<string, long>, long?, long?) Count(McapSummary summary)
    {
        var counts = Topics.ToDictionary(t => t.Name, _ => 0L);
        if (_indexed is not null && summary.Statistics is { } st)
        {
            foreach (var (channel, n) in st.ChannelMessageCounts)
            {
                if (_topicOfChannel.TryGetValue(channel, out var topic))
                {
                    counts[topic] += (long)n;
                }
            }

            return st.MessageCount == 0 ? (counts, null, null)
                : (counts, (long)st.MessageStartTime, (long)st.MessageEndTime);
        }

        long? first = null, last = null;
        foreach (var m in ReadMessages())
        {
            counts[m.Topic]++;
            first = first is null ? m.RecvTimestampNs : Math.Min(first.Value, m.RecvTimestampNs);
            last = last is null ? m.RecvTimestampNs : Math.Max(last.Value, m.RecvTimestampNs);
        }

        return (counts, first, last);
    }
}
