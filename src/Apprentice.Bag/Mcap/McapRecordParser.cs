namespace Apprentice.Bag.Mcap;

/// <summary>
/// Parses one record body into its typed record. Bytes after the known fields (padding, or fields
/// added by a later minor revision) are ignored, as the specification requires.
/// </summary>
public static class McapRecordParser
{
    /// <summary>
    /// Parses <paramref name="body"/> (the record content, without opcode and length). Byte fields
    /// of the result slice <paramref name="body"/> without copying.
    /// </summary>
    /// <param name="opcode">The record's opcode byte.</param>
    /// <param name="body">The record content.</param>
    /// <param name="offset">Offset of the record (for error messages).</param>
    /// <param name="chunkAt">File offset of the enclosing chunk, when inside one.</param>
    /// <exception cref="McapException">A field runs past the end of the record.</exception>
    public static McapRecord Parse(byte opcode, ReadOnlyMemory<byte> body, long offset, long? chunkAt = null)
    {
        var op = (McapOpcode)opcode;
        var r = new McapFieldReader(body, offset, chunkAt, op.ToString());
        switch (op)
        {
            case McapOpcode.Header:
                return new McapHeader(r.String(), r.String());
            case McapOpcode.Footer:
                return new McapFooter(r.U64(), r.U64(), r.U32());
            case McapOpcode.Schema:
                return new McapSchema(r.U16(), r.String(), r.String(), r.Bytes32());
            case McapOpcode.Channel:
                return new McapChannel(r.U16(), r.U16(), r.String(), r.String(), r.StringMap());
            case McapOpcode.Message:
                return new McapMessage(r.U16(), r.U32(), r.U64(), r.U64(), r.Rest());
            case McapOpcode.Chunk:
                return new McapChunk(r.U64(), r.U64(), r.U64(), r.U32(), r.String(), r.Bytes64());
            case McapOpcode.MessageIndex:
                return new McapMessageIndex(r.U16(), r.IndexEntries());
            case McapOpcode.ChunkIndex:
                return new McapChunkIndex(
                    r.U64(), r.U64(), r.U64(), r.U64(), r.U16U64Map(), r.U64(), r.String(), r.U64(), r.U64());
            case McapOpcode.Attachment:
                return ParseAttachment(body, ref r, offset, chunkAt);
            case McapOpcode.AttachmentIndex:
                return new McapAttachmentIndex(r.U64(), r.U64(), r.U64(), r.U64(), r.U64(), r.String(), r.String());
            case McapOpcode.Statistics:
                return new McapStatistics(
                    r.U64(), r.U16(), r.U32(), r.U32(), r.U32(), r.U32(), r.U64(), r.U64(), r.U16U64Map());
            case McapOpcode.Metadata:
                return new McapMetadata(r.String(), r.StringMap());
            case McapOpcode.MetadataIndex:
                return new McapMetadataIndex(r.U64(), r.U64(), r.String());
            case McapOpcode.SummaryOffset:
                return new McapSummaryOffset((McapOpcode)r.U8(), r.U64(), r.U64());
            case McapOpcode.DataEnd:
                return new McapDataEnd(r.U32());
            default:
                return new McapUnknownRecord(opcode, body);
        }
    }

    private static McapAttachment ParseAttachment(
        ReadOnlyMemory<byte> body, ref McapFieldReader r, long offset, long? chunkAt)
    {
        var logTime = r.U64();
        var createTime = r.U64();
        var name = r.String();
        var mediaType = r.String();
        var data = r.Bytes64();
        var crcCovered = body.Length - r.Remaining;
        var crc = r.U32();
        if (crc != 0)
        {
            var actual = Crc.Compute(body.Span[..crcCovered]);
            if (actual != crc)
            {
                throw new McapException($"Attachment '{name}': CRC mismatch (stored {crc}, computed {actual})", offset, chunkAt);
            }
        }

        return new McapAttachment(logTime, createTime, name, mediaType, data, crc);
    }
}
