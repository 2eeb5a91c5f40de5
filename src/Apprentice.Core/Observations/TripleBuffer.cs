namespace Apprentice.Core.Observations;

/// <summary>
/// Lock-free "latest value" exchange between one writer and one reader over three preallocated
/// slots: the writer fills its back slot and publishes it; the reader takes the newest published
/// slot. Neither side ever waits for the other and nothing is allocated after construction.
/// </summary>
/// <remarks>
/// Thread-safety: one writer at a time (callers serialise writers, see <see cref="SampleBox{T}"/>)
/// and one reader thread. The slot returned by <see cref="AcquireLatest"/> stays untouched by the
/// writer until the reader's next <see cref="AcquireLatest"/>.
/// </remarks>
public sealed class TripleBuffer<T>
    where T : class
{
    private const int FreshBit = 4;
    private const int IndexMask = 3;
    private readonly T[] _slots;
    private int _middle = 1;
    private int _back;
    private int _front = 2;

    /// <summary>Creates the three slots with <paramref name="factory"/> (called three times, now).</summary>
    public TripleBuffer(Func<T> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _slots = [factory(), factory(), factory()];
    }

    /// <summary>The writer's slot to fill. Writer thread only.</summary>
    public T Back => _slots[_back];

    /// <summary>The reader's current slot (the last one acquired). Reader thread only.</summary>
    public T Front => _slots[_front];

    /// <summary>Makes <see cref="Back"/> the newest value and hands the writer another slot. Writer thread only.</summary>
    public void Publish()
    {
        var previous = Interlocked.Exchange(ref _middle, _back | FreshBit);
        _back = previous & IndexMask;
    }

    /// <summary>
    /// Moves the newest published slot to <see cref="Front"/> when one was published since the last
    /// call and returns <see cref="Front"/>. Reader thread only; wait-free.
    /// </summary>
    public T AcquireLatest()
    {
        if ((Volatile.Read(ref _middle) & FreshBit) != 0)
        {
            var previous = Interlocked.Exchange(ref _middle, _front);
            _front = previous & IndexMask;
        }

        return _slots[_front];
    }
}
