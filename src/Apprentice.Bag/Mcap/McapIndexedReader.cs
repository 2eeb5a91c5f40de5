using System.Buffers.Binary;

namespace Apprentice.Bag.Mcap;

/// <summary>
/// Random-access MCAP reader: footer → summary → chunk indexes → seek. Messages come out in
/// log-time order (ties in file order) whatever their order in the file, loading only the chunks
/// that overlap the requested time range and channels, a few at a time. Not thread-safe.
/// </summary>
public sealed class McapIndexedReader
{
    private readonly Stream _stream;
    private readonly McapReaderOptions _options;

    private McapIndexedReader(Stream stream, McapReaderOptions options, McapSummary summary, McapFooter footer)
    {
        _stream = stream;
        _options = options;
        Summary = summary;
        Footer = footer;
    }

    /// <summary>The parsed summary section.</summary>
    public McapSummary Summary { get; }

    /// <summary>The Footer record.</summary>
    public McapFooter Footer { get; }

    /// <summary>
    /// Reads the footer and summary of a seekable stream.
    /// </summary>
    /// <exception cref="McapException">No summary, bad magic, bad offsets or summary CRC mismatch.</exception>
    public static McapIndexedReader Open(Stream stream, McapReaderOptions? options = null)
    {
        options = (options ?? McapReaderOptions.Default).Validated();
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The indexed reader needs a seekable stream.", nameof(stream));
        }

        var length = stream.Length;
        var minimum = McapMagic.Length * 2 + McapMagic.FooterRecordLength;
        if (length < minimum)
        {
            throw new McapException($"File of {length} bytes is too short to hold an MCAP footer", 0);
        }

        var tail = ReadAt(stream, length - McapMagic.Length - McapMagic.FooterRecordLength,
            McapMagic.FooterRecordLength + McapMagic.Length);
        var footerAt = length - McapMagic.Length - McapMagic.FooterRecordLength;
        if (!tail.AsSpan(McapMagic.FooterRecordLength).SequenceEqual(McapMagic.Bytes) ||
            tail[0] != (byte)McapOpcode.Footer ||
            BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(1)) != 20)
        {
            throw new McapException("No Footer and trailing magic at the end of the file (truncated?)", footerAt);
        }

        var footer = (McapFooter)McapRecordParser.Parse(tail[0], tail.AsMemory(9, 20), footerAt);
        if (footer.SummaryStart == 0)
        {
            throw new McapException("The file has no summary section; read it with McapStreamReader", footerAt);
        }

        if (footer.SummaryStart < McapMagic.Length || footer.SummaryStart > (ulong)footerAt ||
            (footer.SummaryOffsetStart != 0 &&
             (footer.SummaryOffsetStart < footer.SummaryStart || footer.SummaryOffsetStart > (ulong)footerAt)))
        {
            throw new McapException(
                $"Footer summary offsets ({footer.SummaryStart}, {footer.SummaryOffsetStart}) lie outside the file", footerAt);
        }

        var summaryLength = footerAt - (long)footer.SummaryStart;
        if (summaryLength > options.MaxRecordBytes)
        {
            throw new McapException($"Summary of {summaryLength} bytes is over MaxRecordBytes", (long)footer.SummaryStart);
        }

        var summaryBytes = ReadAt(stream, (long)footer.SummaryStart, (int)summaryLength);
        if (options.ValidateCrcs && footer.SummaryCrc != 0)
        {
            var crc = new System.IO.Hashing.Crc32();
            crc.Append(summaryBytes);
            crc.Append(tail.AsSpan(0, McapMagic.RecordPrefixLength + 16));
            if (crc.GetCurrentHashAsUInt32() != footer.SummaryCrc)
            {
                throw new McapException("The summary CRC does not match", (long)footer.SummaryStart);
            }
        }

        var summary = new McapSummary();
        var header = ReadAt(stream, McapMagic.Length, (int)Math.Min(length - McapMagic.Length, 4096));
        TryReadHeader(header, summary);
        foreach (var record in McapChunkDecoder.ParseRecords(summaryBytes, (long)footer.SummaryStart))
        {
            summary.Add(record);
        }

        return new McapIndexedReader(stream, options, summary, footer);
    }

    /// <summary>
    /// Messages in log-time order (ties in file order), optionally only on some channels and with
    /// <paramref name="startTime"/> ≤ log time ≤ <paramref name="endTime"/> (nanoseconds).
    /// </summary>
    /// <exception cref="McapException">A chunk is corrupt.</exception>
    public IEnumerable<McapMessage> ReadMessages(
        Func<McapChannel, bool>? channelFilter = null, ulong startTime = 0, ulong endTime = ulong.MaxValue)
    {
        var wanted = new HashSet<ushort>(Summary.Channels.Values
            .Where(c => channelFilter is null || channelFilter(c)).Select(c => c.Id));
        var chunks = Summary.ChunkIndexes
            .Where(ci => ci.MessageEndTime >= startTime && ci.MessageStartTime <= endTime)
            .Where(ci => ci.MessageIndexOffsets.Count == 0 || ci.MessageIndexOffsets.Keys.Any(wanted.Contains))
            .OrderBy(ci => ci.MessageStartTime).ThenBy(ci => ci.ChunkStartOffset).ToList();
        // Ties in log time keep file order: (chunk offset, position in chunk).
        var queue = new PriorityQueue<McapMessage, (ulong Time, ulong Chunk, long Order)>();
        long order = 0;
        var next = 0;
        while (next < chunks.Count || queue.Count > 0)
        {
            while (next < chunks.Count &&
                   (queue.Count == 0 || chunks[next].MessageStartTime <= PeekTime(queue)))
            {
                var chunk = chunks[next++];
                foreach (var m in LoadChunk(chunk))
                {
                    if (wanted.Contains(m.ChannelId) && m.LogTime >= startTime && m.LogTime <= endTime)
                    {
                        queue.Enqueue(m, (m.LogTime, chunk.ChunkStartOffset, order++));
                    }
                }
            }

            if (queue.Count > 0)
            {
                yield return queue.Dequeue();
            }
        }
    }

    /// <summary>Reads the Metadata record an index points at.</summary>
    public McapMetadata ReadMetadata(McapMetadataIndex index) =>
        ReadRecordAt<McapMetadata>(index.Offset, index.Length);

    /// <summary>Reads the Attachment record an index points at (CRC checked when non-zero).</summary>
    public McapAttachment ReadAttachment(McapAttachmentIndex index) =>
        ReadRecordAt<McapAttachment>(index.Offset, index.Length);

    private static ulong PeekTime(PriorityQueue<McapMessage, (ulong Time, ulong Chunk, long Order)> queue)
    {
        queue.TryPeek(out _, out var p);
        return p.Time;
    }

    private IEnumerable<McapMessage> LoadChunk(McapChunkIndex index)
    {
        var chunk = ReadRecordAt<McapChunk>(index.ChunkStartOffset, index.ChunkLength);
        foreach (var r in McapChunkDecoder.Decode(chunk, (long)index.ChunkStartOffset, _options))
        {
            switch (r)
            {
                case McapMessage m:
                    yield return m;
                    break;
                case McapChannel c:
                    Summary.Channels.TryAdd(c.Id, c);
                    break;
                case McapSchema s:
                    Summary.Schemas.TryAdd(s.Id, s);
                    break;
            }
        }
    }

    private T ReadRecordAt<T>(ulong offset, ulong length)
        where T : McapRecord
    {
        var at = (long)offset;
        if (length < McapMagic.RecordPrefixLength || length > (ulong)_options.MaxRecordBytes ||
            offset > (ulong)_stream.Length || length > (ulong)_stream.Length - offset)
        {
            throw new McapException($"Index points at {length} bytes outside the file", at);
        }

        var bytes = ReadAt(_stream, at, (int)length);
        var record = McapRecordParser.Parse(bytes[0], bytes.AsMemory(McapMagic.RecordPrefixLength), at);
        return record as T ?? throw new McapException(
            $"Index points at a {record.Opcode} record where a {typeof(T).Name} was expected", at);
    }

    private static void TryReadHeader(byte[] bytes, McapSummary summary)
    {
        if (bytes.Length < McapMagic.RecordPrefixLength || bytes[0] != (byte)McapOpcode.Header)
        {
            return;
        }

        var len = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(1));
        if (len <= (ulong)(bytes.Length - McapMagic.RecordPrefixLength))
        {
            summary.Add(McapRecordParser.Parse(bytes[0], bytes.AsMemory(McapMagic.RecordPrefixLength, (int)len),
                McapMagic.Length));
        }
    }

    private static byte[] ReadAt(Stream stream, long offset, int count)
    {
        var buffer = new byte[count];
        stream.Position = offset;
        stream.ReadExactly(buffer);
        return buffer;
    }
}
