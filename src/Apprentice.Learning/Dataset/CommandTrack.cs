namespace Apprentice.Learning.Dataset;

/// <summary>Commands of one topic in receive order, looked up by time (the latest at or before a time).</summary>
internal sealed class CommandTrack
{
    private readonly List<long> _times = [];
    private readonly List<double[]> _values = [];

    public int Count => _times.Count;

    public void Add(long recvNs, double[] values)
    {
        _times.Add(recvNs);
        _values.Add(values);
    }

    /// <summary>Index of the latest command received at or before <paramref name="timeNs"/>, or −1.</summary>
    public int LatestAtOrBefore(long timeNs)
    {
        var i = _times.BinarySearch(timeNs);
        if (i < 0)
        {
            i = ~i - 1;
        }
        else
        {
            while (i + 1 < _times.Count && _times[i + 1] == timeNs)
            {
                i++;
            }
        }

        return i;
    }

    public long TimeAt(int index) => _times[index];

    public double[] ValuesAt(int index) => _values[index];
}

/// <summary>Intervention intervals: [activation receive time, deactivation receive time).</summary>
internal sealed class InterventionTrack
{
    private readonly List<(long Start, long End)> _intervals = [];
    private long? _openSince;

    public void Add(long recvNs, bool active)
    {
        if (active && _openSince is null)
        {
            _openSince = recvNs;
        }
        else if (!active && _openSince is { } start)
        {
            _intervals.Add((start, recvNs));
            _openSince = null;
        }
    }

    public void Close()
    {
        if (_openSince is { } start)
        {
            _intervals.Add((start, long.MaxValue));
            _openSince = null;
        }
    }

    /// <summary>The start of the intervention active at <paramref name="timeNs"/>, or null.</summary>
    public long? ActiveSince(long timeNs)
    {
        foreach (var (s, e) in _intervals)
        {
            if (timeNs >= s && timeNs < e)
            {
                return s;
            }
        }

        return null;
    }
}
