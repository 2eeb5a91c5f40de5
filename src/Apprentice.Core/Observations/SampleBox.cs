namespace Apprentice.Core.Observations;

/// <summary>
/// The latest sample of one input, written by a subscription callback and read once per tick by
/// the <see cref="ObservationAssembler"/>. Writers only copy into a preallocated slot.
/// </summary>
/// <remarks>
/// Writers are serialised by a tiny lock (a topic's callbacks normally never contend); the reader
/// never takes it. Nothing is allocated after construction.
/// </remarks>
public abstract class SampleBox<T> : IObservationInput
    where T : Sample
{
    private readonly TripleBuffer<T> _buffer;
    private readonly Lock _writeLock = new();
    private long _sequence;
    private long _rejected;

    /// <summary>Creates the box and its three slots.</summary>
    protected SampleBox(string name, InputKind kind, TimeSpan timeout, Func<T> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (timeout <= TimeSpan.Zero)
        {
            throw new ConfigurationException(name + ".timeout", "must be positive (got " + timeout + "); set the input's timeout in seconds.");
        }

        Name = name;
        Kind = kind;
        Timeout = timeout;
        _buffer = new TripleBuffer<T>(factory);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public InputKind Kind { get; }

    /// <inheritdoc />
    public TimeSpan Timeout { get; }

    /// <inheritdoc />
    public bool TakesPartInAlignment { get; init; } = true;

    /// <summary>Samples refused by the writer (too large, malformed); read from any thread.</summary>
    public long RejectedCount => Interlocked.Read(ref _rejected);

    /// <summary>The sample the reader acquired last. Reader (control) thread only.</summary>
    public T Current => _buffer.Front;

    /// <inheritdoc />
    Sample IObservationInput.AcquireLatest() => _buffer.AcquireLatest();

    /// <summary>
    /// Enters the writer lock and returns the writer's slot. Always pair with
    /// <see cref="EndWrite"/> in a <c>finally</c> block.
    /// </summary>
    protected T BeginWrite()
    {
        _writeLock.Enter();
        return _buffer.Back;
    }

    /// <summary>Publishes the slot (unless rejected) and leaves the writer lock.</summary>
    protected WriteResult EndWrite(WriteResult result, TimeSpan stamp, TimeSpan receivedAt)
    {
        try
        {
            if (result == WriteResult.Rejected)
            {
                Interlocked.Increment(ref _rejected);
                return result;
            }

            var slot = _buffer.Back;
            slot.Stamp = stamp;
            slot.ReceivedAt = receivedAt;
            slot.Sequence = ++_sequence;
            slot.IsUsable = result == WriteResult.Stored;
            _buffer.Publish();
            return result;
        }
        finally
        {
            _writeLock.Exit();
        }
    }
}
