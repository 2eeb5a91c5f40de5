namespace Apprentice.Bag.Mcap;

/// <summary>
/// What an MCAP file's summary (or a recovery scan) says about it: schemas and channels by id,
/// statistics, and the indexes. Repeated schemas and channels collapse to one entry per id.
/// </summary>
public sealed class McapSummary
{
    /// <summary>The file's Header record.</summary>
    public McapHeader Header { get; internal set; } = new("", "");

    /// <summary>Schemas by id.</summary>
    public Dictionary<ushort, McapSchema> Schemas { get; } = [];

    /// <summary>Channels by id.</summary>
    public Dictionary<ushort, McapChannel> Channels { get; } = [];

    /// <summary>The Statistics record, when the file has one.</summary>
    public McapStatistics? Statistics { get; internal set; }

    /// <summary>Chunk indexes in file order.</summary>
    public List<McapChunkIndex> ChunkIndexes { get; } = [];

    /// <summary>Attachment indexes in file order.</summary>
    public List<McapAttachmentIndex> AttachmentIndexes { get; } = [];

    /// <summary>Metadata indexes in file order.</summary>
    public List<McapMetadataIndex> MetadataIndexes { get; } = [];

    internal void Add(McapRecord record)
    {
        switch (record)
        {
            case McapSchema s:
                Schemas[s.Id] = s;
                break;
            case McapChannel c:
                Channels[c.Id] = c;
                break;
            case McapStatistics st:
                Statistics = st;
                break;
            case McapChunkIndex ci:
                ChunkIndexes.Add(ci);
                break;
            case McapAttachmentIndex ai:
                AttachmentIndexes.Add(ai);
                break;
            case McapMetadataIndex mi:
                MetadataIndexes.Add(mi);
                break;
            case McapHeader h:
                Header = h;
                break;
        }
    }
}
