namespace Apprentice.Bag.Mcap;

/// <summary>Base of every parsed MCAP record. Records are immutable values.</summary>
public abstract record McapRecord
{
    /// <summary>The record's opcode.</summary>
    public abstract McapOpcode Opcode { get; }
}

/// <summary>Header record (0x01).</summary>
public sealed record McapHeader(string Profile, string Library) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.Header;
}

/// <summary>Footer record (0x02). Offsets are from the start of the file; 0 means absent.</summary>
public sealed record McapFooter(ulong SummaryStart, ulong SummaryOffsetStart, uint SummaryCrc) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.Footer;
}

/// <summary>Schema record (0x03). Id 0 is reserved for "no schema".</summary>
public sealed record McapSchema(ushort Id, string Name, string Encoding, ReadOnlyMemory<byte> Data) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.Schema;
}

/// <summary>Channel record (0x04). <see cref="SchemaId"/> 0 means schemaless.</summary>
public sealed record McapChannel(
    ushort Id, ushort SchemaId, string Topic, string MessageEncoding,
    IReadOnlyDictionary<string, string> Metadata) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.Channel;
}

/// <summary>Message record (0x05). Times are nanoseconds; <see cref="Data"/> is the serialized payload.</summary>
public sealed record McapMessage(
    ushort ChannelId, uint Sequence, ulong LogTime, ulong PublishTime, ReadOnlyMemory<byte> Data) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.Message;
}

/// <summary>Chunk record (0x06). <see cref="Records"/> is the compressed record bytes.</summary>
public sealed record McapChunk(
    ulong MessageStartTime, ulong MessageEndTime, ulong UncompressedSize, uint UncompressedCrc,
    string Compression, ReadOnlyMemory<byte> Records) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.Chunk;
}

/// <summary>One (log time, offset in the decompressed chunk) pair of a message index.</summary>
public readonly record struct McapMessageIndexEntry(ulong LogTime, ulong Offset);

/// <summary>MessageIndex record (0x07).</summary>
public sealed record McapMessageIndex(ushort ChannelId, IReadOnlyList<McapMessageIndexEntry> Records) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.MessageIndex;
}

/// <summary>ChunkIndex record (0x08).</summary>
public sealed record McapChunkIndex(
    ulong MessageStartTime, ulong MessageEndTime, ulong ChunkStartOffset, ulong ChunkLength,
    IReadOnlyDictionary<ushort, ulong> MessageIndexOffsets, ulong MessageIndexLength,
    string Compression, ulong CompressedSize, ulong UncompressedSize) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.ChunkIndex;
}

/// <summary>Attachment record (0x09). <see cref="Crc"/> 0 means not computed.</summary>
public sealed record McapAttachment(
    ulong LogTime, ulong CreateTime, string Name, string MediaType, ReadOnlyMemory<byte> Data, uint Crc) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.Attachment;
}

/// <summary>AttachmentIndex record (0x0A).</summary>
public sealed record McapAttachmentIndex(
    ulong Offset, ulong Length, ulong LogTime, ulong CreateTime, ulong DataSize, string Name, string MediaType) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.AttachmentIndex;
}

/// <summary>Statistics record (0x0B).</summary>
public sealed record McapStatistics(
    ulong MessageCount, ushort SchemaCount, uint ChannelCount, uint AttachmentCount, uint MetadataCount,
    uint ChunkCount, ulong MessageStartTime, ulong MessageEndTime,
    IReadOnlyDictionary<ushort, ulong> ChannelMessageCounts) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.Statistics;
}

/// <summary>Metadata record (0x0C).</summary>
public sealed record McapMetadata(string Name, IReadOnlyDictionary<string, string> Metadata) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.Metadata;
}

/// <summary>MetadataIndex record (0x0D).</summary>
public sealed record McapMetadataIndex(ulong Offset, ulong Length, string Name) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.MetadataIndex;
}

/// <summary>SummaryOffset record (0x0E).</summary>
public sealed record McapSummaryOffset(McapOpcode GroupOpcode, ulong GroupStart, ulong GroupLength) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.SummaryOffset;
}

/// <summary>DataEnd record (0x0F). CRC 0 means not computed.</summary>
public sealed record McapDataEnd(uint DataSectionCrc) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => McapOpcode.DataEnd;
}

/// <summary>A record with an opcode this reader does not know; kept so callers can see it was skipped.</summary>
public sealed record McapUnknownRecord(byte RawOpcode, ReadOnlyMemory<byte> Body) : McapRecord
{
    /// <inheritdoc/>
    public override McapOpcode Opcode => (McapOpcode)RawOpcode;
}
