using System.Buffers;
using System.IO.Hashing;
using ZstdSharp;

namespace Apprentice.Bag.Mcap;

/// <summary>
/// Writes an MCAP file: Header, chunked data (Schema/Channel/Message records, compressed, with
/// message indexes), then DataEnd, a summary (schemas, channels, Statistics, chunk, attachment and
/// metadata indexes), summary offsets and the Footer, with real CRCs. Single-threaded; the write
/// path reuses its buffers. Dispose (or <see cref="Finish"/>) to complete the file; a file whose
/// writer died keeps every chunk already written (see <see cref="McapReaderOptions.Recover"/>).
/// </summary>
public sealed partial class McapWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly McapWriterOptions _options;
    private readonly Crc32 _dataCrc = new();
    private readonly ByteSink _record = new();
    private readonly ByteSink _chunk;
    private readonly ArrayBufferWriter<byte> _compressed = new();
    private readonly Compressor? _zstd;
    // Indexed by channel id (ids are dense, 1..n): no hashing on the per-message path.
    private readonly List<List<McapMessageIndexEntry>> _chunkIndex = [[]];
    private readonly List<ulong> _channelCounts = [0];
    private readonly List<McapSchema> _schemas = [];
    private readonly List<McapChannel> _channels = [];
    private readonly List<McapChunkIndex> _chunkIndexes = [];
    private readonly List<McapAttachmentIndex> _attachmentIndexes = [];
    private readonly List<McapMetadataIndex> _metadataIndexes = [];
    private ulong _chunkStart = ulong.MaxValue, _chunkEnd;
    private ulong _messageCount, _startTime = ulong.MaxValue, _endTime;
    private bool _chunkHasMessages;
    private bool _finished;

    /// <summary>Starts a file on <paramref name="stream"/> (writes the magic and Header).</summary>
    public McapWriter(Stream stream, McapWriterOptions? options = null, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _options = (options ?? McapWriterOptions.Default).Validated();
        _chunk = new ByteSink(Math.Min(_options.ChunkSizeBytes + 4096, 16 << 20));
        if (_options.Compression == McapCompressionKind.Zstd)
        {
            _zstd = new Compressor(_options.ZstdLevel);
        }

        WriteOut(McapMagic.Bytes);
        var at = _record.BeginRecord(McapOpcode.Header);
        _record.String(_options.Profile);
        _record.String(_options.Library);
        _record.EndRecord(at);
        FlushRecord();
    }

    /// <summary>Bytes written to the stream so far (excluding the open chunk).</summary>
    public long Position { get; private set; }

    /// <summary>Messages written so far.</summary>
    public ulong MessageCount => _messageCount;

    /// <summary>Adds a schema and returns its id (1, 2, …). Its record goes into the data section now.</summary>
    public ushort AddSchema(string name, string encoding, ReadOnlySpan<byte> data)
    {
        EnsureOpen();
        var id = checked((ushort)(_schemas.Count + 1));
        var schema = new McapSchema(id, name, encoding, data.ToArray());
        _schemas.Add(schema);
        WriteInChunk(schema);
        return id;
    }

    /// <summary>Adds a channel (schema id 0 = schemaless) and returns its id (1, 2, …).</summary>
    /// <exception cref="ArgumentException">Unknown schema id.</exception>
    public ushort AddChannel(ushort schemaId, string topic, string messageEncoding, IReadOnlyDictionary<string, string> metadata)
    {
        EnsureOpen();
        if (schemaId > _schemas.Count)
        {
            throw new ArgumentException($"Schema id {schemaId} was not added.", nameof(schemaId));
        }

        var id = checked((ushort)(_channels.Count + 1));
        var channel = new McapChannel(id, schemaId, topic, messageEncoding, new Dictionary<string, string>(metadata));
        _channels.Add(channel);
        _chunkIndex.Add([]);
        _channelCounts.Add(0);
        WriteInChunk(channel);
        return id;
    }

    /// <summary>Writes one message (times in nanoseconds). Allocation-free once buffers have grown.</summary>
    /// <exception cref="ArgumentException">Unknown channel id.</exception>
    public void WriteMessage(ushort channelId, uint sequence, ulong logTime, ulong publishTime, ReadOnlySpan<byte> data)
    {
        EnsureOpen();
        if (channelId == 0 || channelId >= _chunkIndex.Count)
        {
            throw new ArgumentException($"Channel id {channelId} was not added.", nameof(channelId));
        }

        _chunkIndex[channelId].Add(new McapMessageIndexEntry(logTime, (ulong)_chunk.Length));
        var at = _chunk.BeginRecord(McapOpcode.Message);
        _chunk.U16(channelId);
        _chunk.U32(sequence);
        _chunk.U64(logTime);
        _chunk.U64(publishTime);
        _chunk.Bytes(data);
        _chunk.EndRecord(at);

        _chunkHasMessages = true;
        _chunkStart = Math.Min(_chunkStart, logTime);
        _chunkEnd = Math.Max(_chunkEnd, logTime);
        _startTime = Math.Min(_startTime, logTime);
        _endTime = Math.Max(_endTime, logTime);
        _messageCount++;
        _channelCounts[channelId]++;
        if (_chunk.Length >= _options.ChunkSizeBytes)
        {
            FlushChunk();
        }
    }

    /// <summary>Writes a Metadata record (outside chunks) and indexes it.</summary>
    public void WriteMetadata(string name, IReadOnlyDictionary<string, string> metadata)
    {
        EnsureOpen();
        FlushChunk();
        var offset = (ulong)Position;
        var at = _record.BeginRecord(McapOpcode.Metadata);
        _record.String(name);
        _record.StringMap(metadata);
        _record.EndRecord(at);
        var length = (ulong)_record.Length;
        FlushRecord();
        _metadataIndexes.Add(new McapMetadataIndex(offset, length, name));
    }

    /// <summary>Writes an Attachment record (with CRC) and indexes it. Times in nanoseconds.</summary>
    public void WriteAttachment(string name, string mediaType, ulong logTime, ulong createTime, ReadOnlySpan<byte> data)
    {
        EnsureOpen();
        FlushChunk();
        var offset = (ulong)Position;
        var at = _record.BeginRecord(McapOpcode.Attachment);
        _record.U64(logTime);
        _record.U64(createTime);
        _record.String(name);
        _record.String(mediaType);
        _record.U64((ulong)data.Length);
        _record.Bytes(data);
        var crc = _options.ComputeCrcs ? Crc32.HashToUInt32(_record.Written[(at + McapMagic.RecordPrefixLength)..]) : 0;
        _record.U32(crc);
        _record.EndRecord(at);
        var length = (ulong)_record.Length;
        FlushRecord();
        _attachmentIndexes.Add(new McapAttachmentIndex(offset, length, logTime, createTime, (ulong)data.Length, name, mediaType));
    }

    /// <summary>Writes the open chunk now (bounds what a crash can lose).</summary>
    public void Flush()
    {
        EnsureOpen();
        FlushChunk();
        _stream.Flush();
    }

    /// <summary>Completes the file: last chunk, DataEnd, summary, summary offsets, Footer, magic. Idempotent.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        FlushChunk();
        _finished = true;
        var at = _record.BeginRecord(McapOpcode.DataEnd);
        _record.U32(_options.ComputeCrcs ? _dataCrc.GetCurrentHashAsUInt32() : 0);
        _record.EndRecord(at);
        FlushRecord();
        WriteSummary();
        _stream.Flush();
    }

    /// <summary>Finishes the file and closes the stream unless asked to leave it open.</summary>
    public void Dispose()
    {
        try
        {
            Finish();
        }
        finally
        {
            _zstd?.Dispose();
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }

    private void EnsureOpen() => ObjectDisposedException.ThrowIf(_finished, this);

    private void WriteInChunk(McapRecord record)
    {
        McapRecordWriter.Write(_chunk, record);
    }

    private void FlushRecord()
    {
        WriteOut(_record.Written);
        _record.Clear();
    }

    private void WriteOut(ReadOnlySpan<byte> bytes)
    {
        _stream.Write(bytes);
        if (!_finished && _options.ComputeCrcs)
        {
            _dataCrc.Append(bytes);
        }

        Position += bytes.Length;
    }
}
