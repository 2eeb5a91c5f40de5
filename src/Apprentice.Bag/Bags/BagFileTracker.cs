using Apprentice.Bag.Metadata;
using Apprentice.Bag.Storage;

namespace Apprentice.Bag.Bags;

/// <summary>Counts what went into each file and topic, to build metadata.yaml.</summary>
internal sealed class BagFileTracker
{
    private readonly List<BagFileInformation> _closed = [];
    private readonly Dictionary<string, (BagTopic Topic, long Count)> _topics = new(StringComparer.Ordinal);
    private string? _file;
    private long _fileCount;
    private long _fileStart = long.MaxValue, _fileEnd = long.MinValue;

    public long FileStartNs => _fileStart;

    public long FileMessageCount => _fileCount;

    /// <summary>Relative path of the file being written; null between files.</summary>
    public string? CurrentFile => _file;

    public IEnumerable<BagTopic> Topics => _topics.Values.Select(t => t.Topic);

    public void AddTopic(BagTopic topic) => _topics.TryAdd(topic.Name, (topic, 0));

    public void StartFile(string relativePath)
    {
        _file = relativePath;
        _fileCount = 0;
        _fileStart = long.MaxValue;
        _fileEnd = long.MinValue;
    }

    public void Count(BagMessage m)
    {
        var t = _topics[m.Topic];
        _topics[m.Topic] = (t.Topic, t.Count + 1);
        _fileCount++;
        _fileStart = Math.Min(_fileStart, m.RecvTimestampNs);
        _fileEnd = Math.Max(_fileEnd, m.RecvTimestampNs);
    }

    public void EndFile()
    {
        if (_file is not null)
        {
            _closed.Add(Info());
            _file = null;
        }
    }

    public BagMetadata Build(string storage, IReadOnlyDictionary<string, string> customData, string rosDistro)
    {
        var files = _closed.ToList();
        if (_file is not null)
        {
            files.Add(Info());
        }

        var withMessages = files.Where(f => f.MessageCount > 0).ToList();
        var start = withMessages.Count == 0 ? long.MaxValue : withMessages.Min(f => f.StartingTimeNs);
        var end = withMessages.Count == 0 ? long.MaxValue : withMessages.Max(f => f.StartingTimeNs + f.DurationNs);
        return new BagMetadata
        {
            StorageIdentifier = storage,
            StartingTimeNs = start,
            DurationNs = withMessages.Count == 0 ? 0 : end - start,
            MessageCount = files.Sum(f => f.MessageCount),
            Topics = _topics.Values.Select(t => new TopicInformation(t.Topic, t.Count)).ToList(),
            RelativeFilePaths = files.Select(f => f.Path).ToList(),
            Files = files,
            CustomData = new Dictionary<string, string>(customData),
            RosDistro = rosDistro,
        };
    }

    private BagFileInformation Info() => _fileCount == 0
        ? new BagFileInformation(_file!, long.MaxValue, 0, 0)
        : new BagFileInformation(_file!, _fileStart, _fileEnd - _fileStart, _fileCount);
}
