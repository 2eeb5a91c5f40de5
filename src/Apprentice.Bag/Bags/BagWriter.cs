using System.Collections.Concurrent;
using Apprentice.Bag.Metadata;
using Apprentice.Bag.Storage;

namespace Apprentice.Bag.Bags;

/// <summary>
/// Records a rosbag2 bag: one directory, files <c>&lt;name&gt;_&lt;n&gt;.mcap|.db3</c> split by
/// size or duration, metadata.yaml rewritten at each split and at close. Producers (subscription
/// callbacks, any thread) only enqueue into a bounded in-memory cache; one consumer thread owns
/// the disk. When the cache is full a message is dropped and counted per topic, never silently.
/// If the disk fails (full, removed), the writer stops, closes what it has so it stays readable,
/// and <see cref="Close"/> throws <see cref="BagWriteException"/> naming the path and the number of
/// messages not written.
/// </summary>
public sealed partial class BagWriter : IDisposable
{
    private readonly BlockingCollection<Item> _queue = new(new ConcurrentQueue<Item>());
    private readonly ConcurrentDictionary<string, long> _dropped = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _customData;
    private readonly HashSet<string> _knownTopics = new(StringComparer.Ordinal);
    private readonly BagWriterOptions _options;
    private readonly Thread _consumer;
    private readonly object _gate = new();
    private long _cachedBytes;
    private long _written;
    private long _notWritten;
    private volatile bool _paused;
    private bool _closed;

    private BagWriter(string directory, BagWriterOptions options)
    {
        Directory = directory;
        Name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        _options = options;
        _customData = new ConcurrentDictionary<string, string>(options.CustomData, StringComparer.Ordinal);
        OpenNextFile();

        // metadata.yaml always lists every file on disk, so a bag whose writer is killed still
        // opens (the unfinished file is read by recovery); `reindex` then makes the counts exact.
        WriteMetadataYaml();
        _consumer = new Thread(Consume) { Name = "bag-writer " + Name, IsBackground = true };
        _consumer.Start();
    }

    /// <summary>The bag directory.</summary>
    public string Directory { get; }

    /// <summary>The bag name (directory name), prefix of its files.</summary>
    public string Name { get; }

    /// <summary>Messages written to storage so far.</summary>
    public long WrittenCount => Interlocked.Read(ref _written);

    /// <summary>Messages dropped per topic because the cache was full.</summary>
    public IReadOnlyDictionary<string, long> DroppedCounts => new Dictionary<string, long>(_dropped);

    /// <summary>True while paused (messages offered while paused are not recorded and not counted as drops).</summary>
    public bool IsPaused => _paused;

    /// <summary>The failure that stopped the consumer, if any.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Creates the bag directory (which must not exist, or be empty) and the first file.</summary>
    /// <exception cref="IOException">The directory exists and is not empty.</exception>
    public static BagWriter Create(string directory, BagWriterOptions? options = null)
    {
        options = (options ?? BagWriterOptions.Default).Validated();
        if (System.IO.Directory.Exists(directory) && System.IO.Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new IOException($"Bag directory '{directory}' already exists and is not empty; choose a new name.");
        }

        System.IO.Directory.CreateDirectory(directory);
        return new BagWriter(directory, options);
    }

    /// <summary>Registers a topic (idempotent). Thread-safe; never blocks on disk.</summary>
    public void CreateTopic(BagTopic topic, BagMessageDefinition? definition)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (_knownTopics.Add(topic.Name))
            {
                _queue.Add(new Item(topic, definition, null));
            }
        }
    }

    /// <summary>
    /// Offers one message to the cache. Thread-safe, non-blocking, no disk access. Returns false
    /// when it was not accepted: paused, closed, failed, or the cache is full (counted in
    /// <see cref="DroppedCounts"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The topic was not created.</exception>
    public bool TryWrite(BagMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_paused)
        {
            return false;
        }

        lock (_gate)
        {
            if (!Admit(message.Topic, message.Data.Length))
            {
                return false;
            }

            _queue.Add(new Item(null, null, message));
            return true;
        }
    }

    /// <summary>
    /// As <see cref="TryWrite(BagMessage)"/> for a payload the caller does not own (a subscription's
    /// borrowed sample): the bytes are copied only once the cache has accepted them, so an overloaded
    /// recorder drops without allocating.
    /// </summary>
    /// <exception cref="InvalidOperationException">The topic was not created.</exception>
    public bool TryWrite(string topic, long recvTimestampNs, long sendTimestampNs, ReadOnlySpan<byte> data)
    {
        if (_paused)
        {
            return false;
        }

        lock (_gate)
        {
            if (!Admit(topic, data.Length))
            {
                return false;
            }

            _queue.Add(new Item(null, null, new BagMessage(topic, recvTimestampNs, sendTimestampNs, data.ToArray())));
            return true;
        }
    }

    /// <summary>Under <c>_gate</c>: reserves cache space for one message, or counts it dropped.</summary>
    private bool Admit(string topic, int length)
    {
        if (!_knownTopics.Contains(topic))
        {
            throw new InvalidOperationException($"Topic '{topic}' was not created before writing to it.");
        }

        if (_closed || Error is not null || Interlocked.Read(ref _cachedBytes) + length > _options.CacheCapacityBytes)
        {
            _dropped.AddOrUpdate(topic, 1, (_, n) => n + 1);
            return false;
        }

        Interlocked.Add(ref _cachedBytes, length);
        return true;
    }

    /// <summary>
    /// Blocking variant for offline producers (convert, tests): waits for cache space instead of
    /// dropping; a message larger than the whole cache is accepted once the cache is empty.
    /// </summary>
    /// <exception cref="BagWriteException">The writer failed.</exception>
    public void Write(BagMessage message)
    {
        while (true)
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_closed, this);
                if (!_knownTopics.Contains(message.Topic))
                {
                    throw new InvalidOperationException($"Topic '{message.Topic}' was not created before writing to it.");
                }

                if (Error is not null)
                {
                    throw new BagWriteException($"Recording to '{Directory}' failed: {Error.Message}", _notWritten, Error);
                }

                var cached = Interlocked.Read(ref _cachedBytes);
                if (cached == 0 || cached + message.Data.Length <= _options.CacheCapacityBytes)
                {
                    Interlocked.Add(ref _cachedBytes, message.Data.Length);
                    _queue.Add(new Item(null, null, message));
                    return;
                }
            }

            Thread.Sleep(1);
        }
    }

    /// <summary>Stops recording until <see cref="Resume"/>.</summary>
    public void Pause() => _paused = true;

    /// <summary>Resumes recording.</summary>
    public void Resume() => _paused = false;

    /// <summary>Sets a <c>custom_data</c> entry (e.g. an episode label); stored at the next split and at close.</summary>
    public void SetCustomData(string key, string value) => _customData[key] = value;

    /// <summary>
    /// Drains the cache, closes the file and writes metadata.yaml. Idempotent.
    /// </summary>
    /// <exception cref="BagWriteException">The writer failed while recording (the bag is still closed readable).</exception>
    public void Close()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            _queue.CompleteAdding();
        }

        _consumer.Join();
        if (Error is not null)
        {
            throw new BagWriteException(
                $"Recording to '{Directory}' failed: {Error.Message}. {_notWritten} message(s) were not written; " +
                "what was written before is closed and readable.", _notWritten, Error);
        }
    }

    /// <summary>Closes; failures are kept in <see cref="Error"/> instead of thrown.</summary>
    public void Dispose()
    {
        try
        {
            Close();
        }
        catch (BagWriteException)
        {
        }

        _queue.Dispose();
    }

    /// <summary>
    /// Snapshot mode: writes the ring's messages (the last <see cref="BagWriterOptions.CacheCapacityBytes"/>
    /// of traffic) to the bag now. Thread-safe; the write happens on the consumer thread.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not in snapshot mode.</exception>
    public void Snapshot()
    {
        if (!_options.SnapshotMode)
        {
            throw new InvalidOperationException("Snapshot() needs BagWriterOptions.SnapshotMode = true.");
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _queue.Add(new Item(null, null, null, FlushSnapshot: true));
        }
    }

    /// <summary>
    /// Closes the current storage file after the messages already cached and continues in the next
    /// one (<c>&lt;name&gt;_&lt;n+1&gt;</c>), as rosbag2's <c>~/split_bagfile</c>. Thread-safe; the split
    /// happens on the consumer thread and raises <see cref="FileSplit"/>.
    /// </summary>
    public void Split()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _queue.Add(new Item(null, null, null, SplitNow: true));
        }
    }

    /// <summary>
    /// Raised on the writer's consumer thread after each split (by size, duration or <see cref="Split"/>):
    /// the full paths of the closed and the newly opened file. Handlers must be quick and must not throw.
    /// </summary>
    public event Action<BagFileSplit>? FileSplit;

    private readonly record struct Item(
        BagTopic? Topic, BagMessageDefinition? Definition, BagMessage? Message, bool FlushSnapshot = false, bool SplitNow = false);
}

/// <summary>One split of a bag being written (rosbag2_interfaces/msg/WriteSplitEvent's fields).</summary>
/// <param name="ClosedFile">Full path of the storage file just closed.</param>
/// <param name="OpenedFile">Full path of the storage file recording continues in.</param>
public readonly record struct BagFileSplit(string ClosedFile, string OpenedFile);
