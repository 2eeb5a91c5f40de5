using System.Buffers.Binary;
using System.IO.Hashing;

namespace Apprentice.Bag.Mcap;

/// <summary>
/// Reads an MCAP file front to back, record by record, without seeking. Chunks are decompressed,
/// their CRC checked and their inner records yielded in place (see
/// <see cref="McapReaderOptions.FlattenChunks"/>). Unknown opcodes come out as
/// <see cref="McapUnknownRecord"/>. Not thread-safe.
/// </summary>
public sealed class McapStreamReader
{
    private readonly Stream _stream;
    private readonly McapReaderOptions _options;
    private readonly long _length;
    private readonly Crc32 _dataCrc = new();
    private readonly Crc32 _summaryCrc = new();
    private bool _inSummary;
    private long _pos;

    /// <summary>Creates a reader over <paramref name="stream"/> positioned at the file's start.</summary>
    public McapStreamReader(Stream stream, McapReaderOptions? options = null)
    {
        _stream = stream;
        _options = (options ?? McapReaderOptions.Default).Validated();
        _length = stream.CanSeek ? stream.Length - stream.Position : long.MaxValue;
    }

    /// <summary>File offset of the record last yielded (for records inside a chunk: the chunk's offset).</summary>
    public long RecordOffset { get; private set; }

    /// <summary>True once recovery mode stopped at a truncated or unreadable tail.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Offset where the readable part of the file ended, when <see cref="Truncated"/>.</summary>
    public long TruncatedAt { get; private set; }

    /// <summary>Chunks skipped in recovery mode because they were corrupt.</summary>
    public int SkippedChunks { get; private set; }

    /// <summary>The Footer record, once read.</summary>
    public McapFooter? Footer { get; private set; }

    /// <summary>True when the trailing magic after the Footer was read.</summary>
    public bool Complete { get; private set; }

    /// <summary>Yields the file's records in order.</summary>
    /// <exception cref="McapException">Bad magic, malformed record or CRC mismatch (outside recovery mode).</exception>
    public IEnumerable<McapRecord> ReadRecords()
    {
        var magic = new byte[McapMagic.Length];
        if (!ReadExactly(magic, 0) || !magic.AsSpan().SequenceEqual(McapMagic.Bytes))
        {
            throw new McapException("Not an MCAP file: the first 8 bytes are not the MCAP magic", 0);
        }

        // The data section CRC covers everything from the first byte of the file, magic included.
        _dataCrc.Append(magic);

        var prefix = new byte[McapMagic.RecordPrefixLength];
        while (true)
        {
            var start = _pos;
            byte[] body;
            try
            {
                if (!ReadExactly(prefix, start))
                {
                    if (_pos == start && !_options.Recover)
                    {
                        throw new McapException("File ends without a Footer record", start);
                    }

                    StopTruncated(start);
                    yield break;
                }

                var len = BinaryPrimitives.ReadUInt64LittleEndian(prefix.AsSpan(1));
                if (len > (ulong)_options.MaxRecordBytes || len > (ulong)Math.Max(0, _length - _pos))
                {
                    throw new McapException(
                        $"Record 0x{prefix[0]:X2} declares {len} bytes, past the end of the file or over " +
                        $"MaxRecordBytes ({_options.MaxRecordBytes})", start);
                }

                body = ReadBody((long)len, start)
                       ?? throw new McapException($"Record 0x{prefix[0]:X2} is cut off by the end of the file", start);
            }
            catch (McapException) when (_options.Recover)
            {
                StopTruncated(start);
                yield break;
            }

            var opcode = (McapOpcode)prefix[0];
            if (opcode == McapOpcode.DataEnd)
            {
                _inSummary = true;
            }
            else if (!_inSummary)
            {
                _dataCrc.Append(prefix);
                _dataCrc.Append(body);
            }
            else if (opcode != McapOpcode.Footer)
            {
                _summaryCrc.Append(prefix);
                _summaryCrc.Append(body);
            }

            RecordOffset = start;
            var record = McapRecordParser.Parse(prefix[0], body, start);
            switch (record)
            {
                case McapChunk chunk when _options.FlattenChunks:
                    var inner = ReadChunk(chunk, start);
                    foreach (var r in inner)
                    {
                        yield return r;
                    }

                    break;
                case McapDataEnd end:
                    CheckCrc(end.DataSectionCrc, _dataCrc.GetCurrentHashAsUInt32(), "data section", start);
                    yield return end;
                    break;
                case McapFooter footer:
                    _summaryCrc.Append(prefix);
                    _summaryCrc.Append(body.AsSpan(0, 16));
                    Footer = footer;
                    CheckCrc(footer.SummaryCrc, _summaryCrc.GetCurrentHashAsUInt32(), "summary", start);
                    yield return footer;
                    Complete = ReadExactly(magic, _pos) && magic.AsSpan().SequenceEqual(McapMagic.Bytes);
                    if (!Complete && !_options.Recover)
                    {
                        throw new McapException("The Footer is not followed by the MCAP magic", _pos);
                    }

                    yield break;
                default:
                    yield return record;
                    break;
            }
        }
    }

    private List<McapRecord> ReadChunk(McapChunk chunk, long start)
    {
        try
        {
            return McapChunkDecoder.Decode(chunk, start, _options);
        }
        catch (McapException) when (_options.Recover)
        {
            SkippedChunks++;
            return [];
        }
    }

    private void CheckCrc(uint stored, uint computed, string what, long offset)
    {
        if (stored != 0 && _options.ValidateCrcs && stored != computed)
        {
            var e = new McapException($"The {what} CRC does not match (stored {stored}, computed {computed})", offset);
            if (!_options.Recover)
            {
                throw e;
            }
        }
    }

    private void StopTruncated(long at)
    {
        Truncated = true;
        TruncatedAt = at;
    }

    /// <summary>
    /// Reads a record body. On a stream of unknown length a large declared length is not trusted:
    /// the buffer grows only as data actually arrives, so a hostile length cannot force a huge
    /// allocation. Returns null when the stream ends first.
    /// </summary>
    private byte[]? ReadBody(long length, long recordStart)
    {
        const int Step = 16 << 20;
        if (length <= Step || _length != long.MaxValue)
        {
            var exact = new byte[length];
            return ReadExactly(exact, recordStart) ? exact : null;
        }

        var buffer = new byte[Step];
        var filled = 0L;
        while (filled < length)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(length, (long)buffer.Length * 2));
            }

            var n = _stream.Read(buffer, (int)filled, (int)(buffer.Length - filled));
            if (n == 0)
            {
                _pos += filled;
                return null;
            }

            filled += n;
        }

        _pos += filled;
        return buffer;
    }

    private bool ReadExactly(byte[] buffer, long recordStart)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            int n;
            try
            {
                n = _stream.Read(buffer, filled, buffer.Length - filled);
            }
            catch (IOException e) when (e is not McapException)
            {
                throw new McapException("Read failed: " + e.Message, recordStart, null, e);
            }

            if (n == 0)
            {
                _pos += filled;
                return false;
            }

            filled += n;
        }

        _pos += filled;
        return true;
    }
}
