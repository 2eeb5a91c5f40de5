using System.Buffers.Binary;

namespace Apprentice.Bag.Mcap;

/// <summary>Decompresses a chunk, checks its CRC and parses the records inside it.</summary>
public static class McapChunkDecoder
{
    /// <summary>
    /// Returns the records of <paramref name="chunk"/> in order. All or nothing: a bad inner record
    /// fails the whole chunk.
    /// </summary>
    /// <param name="chunk">The chunk record.</param>
    /// <param name="chunkOffset">File offset of the chunk record (for errors).</param>
    /// <param name="options">CRC validation and size caps.</param>
    /// <exception cref="McapException">Corrupt, oversized or mis-CRC'd chunk.</exception>
    public static List<McapRecord> Decode(McapChunk chunk, long chunkOffset, McapReaderOptions options)
    {
        var data = McapCompression.Decompress(
            chunk.Compression, chunk.Records, chunk.UncompressedSize, options.MaxChunkBytes, chunkOffset);
        if (options.ValidateCrcs && chunk.UncompressedCrc != 0)
        {
            var crc = Crc.Compute(data);
            if (crc != chunk.UncompressedCrc)
            {
                throw new McapException(
                    $"Chunk CRC does not match (stored {chunk.UncompressedCrc}, computed {crc})", chunkOffset);
            }
        }

        return ParseRecords(data, chunkOffset);
    }

    /// <summary>Parses a decompressed chunk's records.</summary>
    internal static List<McapRecord> ParseRecords(ReadOnlyMemory<byte> data, long chunkOffset)
    {
        var list = new List<McapRecord>();
        var span = data.Span;
        var pos = 0;
        while (pos < data.Length)
        {
            if (data.Length - pos < McapMagic.RecordPrefixLength)
            {
                throw new McapException("Truncated record prefix", pos, chunkOffset);
            }

            var opcode = span[pos];
            var len = BinaryPrimitives.ReadUInt64LittleEndian(span[(pos + 1)..]);
            if (len > (ulong)(data.Length - pos - McapMagic.RecordPrefixLength))
            {
                throw new McapException($"Record 0x{opcode:X2} length {len} runs past the end of the chunk", pos, chunkOffset);
            }

            var body = data.Slice(pos + McapMagic.RecordPrefixLength, (int)len);
            list.Add(McapRecordParser.Parse(opcode, body, pos, chunkOffset));
            pos += McapMagic.RecordPrefixLength + (int)len;
        }

        return list;
    }
}
