namespace Apprentice.Bag.Mcap;

/// <summary>Serialises the records the writer emits whole (schemas, channels, summary records).</summary>
internal static class McapRecordWriter
{
    public static void Write(ByteSink s, McapRecord record)
    {
        var at = s.BeginRecord(record.Opcode);
        switch (record)
        {
            case McapSchema x:
                s.U16(x.Id);
                s.String(x.Name);
                s.String(x.Encoding);
                s.U32((uint)x.Data.Length);
                s.Bytes(x.Data.Span);
                break;
            case McapChannel x:
                s.U16(x.Id);
                s.U16(x.SchemaId);
                s.String(x.Topic);
                s.String(x.MessageEncoding);
                s.StringMap(x.Metadata);
                break;
            case McapStatistics x:
                s.U64(x.MessageCount);
                s.U16(x.SchemaCount);
                s.U32(x.ChannelCount);
                s.U32(x.AttachmentCount);
                s.U32(x.MetadataCount);
                s.U32(x.ChunkCount);
                s.U64(x.MessageStartTime);
                s.U64(x.MessageEndTime);
                s.U16U64Map(x.ChannelMessageCounts.OrderBy(p => p.Key));
                break;
            case McapChunkIndex x:
                s.U64(x.MessageStartTime);
                s.U64(x.MessageEndTime);
                s.U64(x.ChunkStartOffset);
                s.U64(x.ChunkLength);
                s.U16U64Map(x.MessageIndexOffsets.OrderBy(p => p.Key));
                s.U64(x.MessageIndexLength);
                s.String(x.Compression);
                s.U64(x.CompressedSize);
                s.U64(x.UncompressedSize);
                break;
            case McapAttachmentIndex x:
                s.U64(x.Offset);
                s.U64(x.Length);
                s.U64(x.LogTime);
                s.U64(x.CreateTime);
                s.U64(x.DataSize);
                s.String(x.Name);
                s.String(x.MediaType);
                break;
            case McapMetadataIndex x:
                s.U64(x.Offset);
                s.U64(x.Length);
                s.String(x.Name);
                break;
            case McapSummaryOffset x:
                s.U8((byte)x.GroupOpcode);
                s.U64(x.GroupStart);
                s.U64(x.GroupLength);
                break;
            default:
                throw new ArgumentException($"The writer does not emit {record.Opcode} records whole.", nameof(record));
        }

        s.EndRecord(at);
    }
}
