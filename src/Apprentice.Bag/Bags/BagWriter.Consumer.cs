using Apprentice.Bag.Metadata;
using Apprentice.Bag.Storage;

namespace Apprentice.Bag.Bags;

public sealed partial class BagWriter
{
    private readonly BagFileTracker _tracker = new();
    private readonly List<(BagTopic Topic, BagMessageDefinition? Definition)> _topics = [];
    private readonly Queue<BagMessage> _ring = new();
    private long _ringBytes;
    private IBagStorageWriter? _storage;
    private int _fileIndex = -1;

    private void Consume()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            if (Error is not null)
            {
                if (item.Message is not null)
                {
                    _notWritten++;
                    Interlocked.Add(ref _cachedBytes, -item.Message.Data.Length);
                }

                continue;
            }

            try
            {
                Handle(item);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                Error = e;
                if (item.Message is not null)
                {
                    _notWritten++;
                }

                SafeClose();
            }
        }

        if (Error is null)
        {
            try
            {
                FinishFile();
                WriteMetadataYaml();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                Error = e;
                SafeClose();
            }
        }
    }

    private void Handle(Item item)
    {
        if (item.Topic is { } topic)
        {
            _topics.Add((topic, item.Definition));
            _tracker.AddTopic(topic);
            _storage!.CreateTopic(topic, item.Definition);
            return;
        }

        if (item.SplitNow)
        {
            SplitFile();
            return;
        }

        if (item.FlushSnapshot)
        {
            while (_ring.TryDequeue(out var r))
            {
                _ringBytes -= r.Data.Length;
                Store(r);
            }

            return;
        }

        var m = item.Message!;
        Interlocked.Add(ref _cachedBytes, -m.Data.Length);
        if (_options.SnapshotMode)
        {
            _ring.Enqueue(m);
            _ringBytes += m.Data.Length;
            while (_ringBytes > _options.CacheCapacityBytes && _ring.TryDequeue(out var old))
            {
                _ringBytes -= old.Data.Length;
            }

            return;
        }

        Store(m);
    }

    private void Store(BagMessage m)
    {
        if (ShouldSplit(m))
        {
            SplitFile();
        }

        _storage!.Write(m);
        _tracker.Count(m);
        Interlocked.Increment(ref _written);
    }

    private void SplitFile()
    {
        var closed = Path.GetFullPath(Path.Combine(Directory, _tracker.CurrentFile!));
        FinishFile();
        OpenNextFile();
        WriteMetadataYaml();
        FileSplit?.Invoke(new BagFileSplit(closed, Path.GetFullPath(Path.Combine(Directory, _tracker.CurrentFile!))));
    }

    private bool ShouldSplit(BagMessage m) =>
        _tracker.FileMessageCount > 0 &&
        ((_options.MaxFileSizeBytes > 0 && _storage!.BytesWritten >= _options.MaxFileSizeBytes) ||
         (_options.MaxFileDuration > TimeSpan.Zero &&
          m.RecvTimestampNs - _tracker.FileStartNs >= (long)(_options.MaxFileDuration.Ticks * 100)));

    private void OpenNextFile()
    {
        _fileIndex++;
        var relative = $"{Name}_{_fileIndex}{BagStorage.Extension(_options.StorageIdentifier)}";
        _storage = BagStorage.CreateWriter(Path.Combine(Directory, relative), _options.StorageIdentifier, _options.Mcap,
            _options.RosDistro);
        _tracker.StartFile(relative);
        foreach (var (topic, definition) in _topics)
        {
            _storage.CreateTopic(topic, definition);
        }

        _storage.WriteBagMetadata(BagMetadataYaml.Write(Metadata(), withRoot: false));
    }

    private void FinishFile()
    {
        if (_storage is null)
        {
            return;
        }

        _storage.WriteBagMetadata(BagMetadataYaml.Write(Metadata(), withRoot: false));
        _storage.Close();
        _storage = null;
        _tracker.EndFile();
    }

    private void SafeClose()
    {
        try
        {
            _storage?.Close();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // the disk is gone; what reached it earlier is all we can keep
        }

        _storage = null;
        try
        {
            _tracker.EndFile();
            WriteMetadataYaml();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // metadata.yaml can be rebuilt with `apprentice bag reindex`
        }
    }

    private BagMetadata Metadata() => _tracker.Build(_options.StorageIdentifier, _customData, _options.RosDistro);

    private void WriteMetadataYaml() =>
        BagMetadataYaml.WriteFile(Path.Combine(Directory, BagMetadataYaml.FileName), Metadata());
}
