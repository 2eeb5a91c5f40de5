using System.IO.Hashing;

namespace Apprentice.Bag.Mcap;

public sealed partial class McapWriter
{
    private void FlushChunk()
    {
        if (_chunk.Length == 0)
        {
            return;
        }

        var uncompressed = _chunk.Written;
        var crc = _options.ComputeCrcs ? Crc32.HashToUInt32(uncompressed) : 0;
        ReadOnlySpan<byte> compressed;
        if (_options.Compression == McapCompressionKind.None)
        {
            compressed = uncompressed; // no copy: the chunk buffer is written as it is
        }
        else
        {
            McapCompression.Compress(_options.Compression, uncompressed, _compressed, _zstd);
            compressed = _compressed.WrittenSpan;
        }

        var compression = McapCompression.Name(_options.Compression);
        var start = _chunkHasMessages ? _chunkStart : 0;
        var end = _chunkHasMessages ? _chunkEnd : 0;

        var chunkOffset = (ulong)Position;
        var at = _record.BeginRecord(McapOpcode.Chunk);
        _record.U64(start);
        _record.U64(end);
        _record.U64((ulong)uncompressed.Length);
        _record.U32(crc);
        _record.String(compression);
        _record.U64((ulong)compressed.Length);
        var prefixAndFields = _record.Length;
        _record.PatchU64(at + 1, (ulong)(prefixAndFields - McapMagic.RecordPrefixLength + compressed.Length));
        FlushRecord();
        WriteOut(compressed);
        var chunkLength = (ulong)prefixAndFields + (ulong)compressed.Length;

        var indexStart = (ulong)Position;
        var offsets = new Dictionary<ushort, ulong>();
        for (var channel = (ushort)1; channel < _chunkIndex.Count; channel++)
        {
            var entries = _chunkIndex[channel];
            if (entries.Count == 0)
            {
                continue;
            }

            offsets[channel] = (ulong)Position;
            var ix = _record.BeginRecord(McapOpcode.MessageIndex);
            _record.U16(channel);
            _record.U32((uint)(entries.Count * 16));
            foreach (var e in entries)
            {
                _record.U64(e.LogTime);
                _record.U64(e.Offset);
            }

            _record.EndRecord(ix);
            FlushRecord();
            entries.Clear();
        }

        _chunkIndexes.Add(new McapChunkIndex(start, end, chunkOffset, chunkLength, offsets,
            (ulong)Position - indexStart, compression, (ulong)compressed.Length, (ulong)uncompressed.Length));
        // Hand the finished chunk to the OS now: a SIGKILL then loses at most the open chunk, never
        // a finished one still sitting in a stream buffer.
        _stream.Flush();
        _chunk.Clear();
        _chunkHasMessages = false;
        _chunkStart = ulong.MaxValue;
        _chunkEnd = 0;
    }

    private void WriteSummary()
    {
        var summaryStart = (ulong)Position;
        var summaryCrc = new Crc32();
        var offsets = new List<McapSummaryOffset>();

        void Group(McapOpcode opcode, IEnumerable<McapRecord> records)
        {
            var groupStart = (ulong)Position;
            foreach (var r in records)
            {
                McapRecordWriter.Write(_record, r);
                summaryCrc.Append(_record.Written);
                FlushRecord();
            }

            if ((ulong)Position > groupStart)
            {
                offsets.Add(new McapSummaryOffset(opcode, groupStart, (ulong)Position - groupStart));
            }
        }

        Group(McapOpcode.Schema, _schemas);
        Group(McapOpcode.Channel, _channels);
        Group(McapOpcode.Statistics, [new McapStatistics(
            _messageCount, (ushort)_schemas.Count, (uint)_channels.Count, (uint)_attachmentIndexes.Count,
            (uint)_metadataIndexes.Count, (uint)_chunkIndexes.Count,
            _messageCount == 0 ? 0 : _startTime, _messageCount == 0 ? 0 : _endTime,
            _channels.ToDictionary(c => c.Id, c => _channelCounts[c.Id]))]);
        Group(McapOpcode.ChunkIndex, _chunkIndexes);
        Group(McapOpcode.AttachmentIndex, _attachmentIndexes);
        Group(McapOpcode.MetadataIndex, _metadataIndexes);

        var summaryOffsetStart = (ulong)Position;
        foreach (var o in offsets)
        {
            McapRecordWriter.Write(_record, o);
            summaryCrc.Append(_record.Written);
            FlushRecord();
        }

        var at = _record.BeginRecord(McapOpcode.Footer);
        _record.U64(summaryStart);
        _record.U64(summaryOffsetStart);
        _record.PatchU64(at + 1, 20); // the CRC covers the Footer's prefix, so its length must be final
        summaryCrc.Append(_record.Written);
        _record.U32(_options.ComputeCrcs ? summaryCrc.GetCurrentHashAsUInt32() : 0);
        _record.EndRecord(at);
        FlushRecord();
        WriteOut(McapMagic.Bytes);
    }
}
