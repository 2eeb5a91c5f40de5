namespace Apprentice.Core.Observations;

/// <summary>
/// One consistent view of every input for one tick: the sample each box held when the tick began,
/// its age and freshness, and the header-stamp skew between inputs. Reused by the assembler every
/// tick (never allocated per tick); valid until the next <see cref="ObservationAssembler.Take"/>.
/// Control thread only.
/// </summary>
public sealed class ObservationSnapshot
{
    private readonly IObservationInput[] _inputs;
    private readonly InputStatus[] _statuses;
    private readonly Sample[] _samples;

    internal ObservationSnapshot(IObservationInput[] inputs)
    {
        _inputs = inputs;
        _statuses = new InputStatus[inputs.Length];
        _samples = new Sample[inputs.Length];
    }

    /// <summary>The monotonic time the snapshot was taken.</summary>
    public TimeSpan TakenAt { get; private set; }

    /// <summary>Number of snapshots taken so far by the assembler (1 for the first).</summary>
    public long Number { get; private set; }

    /// <summary>The inputs, in configured order.</summary>
    public IReadOnlyList<IObservationInput> Inputs => _inputs;

    /// <summary>Per-input state, in the order of <see cref="Inputs"/>.</summary>
    public ReadOnlySpan<InputStatus> Statuses => _statuses;

    /// <summary>Spread between the newest and oldest header stamps of aligned inputs.</summary>
    public TimeSpan Skew { get; private set; }

    /// <summary>Whether <see cref="Skew"/> exceeded the configured maximum.</summary>
    public bool SkewExceeded { get; private set; }

    /// <summary>Index of the first input that is not fresh, or -1.</summary>
    public int FirstNotFresh { get; private set; }

    /// <summary>Whether every input is fresh and the inputs are aligned: the snapshot may feed the policy.</summary>
    public bool IsUsable => FirstNotFresh < 0 && !SkewExceeded;

    /// <summary>Bit i set when input i is not fresh (first 64 inputs); for status messages.</summary>
    public ulong NotFreshMask { get; private set; }

    /// <summary>The sample input <paramref name="index"/> held at snapshot time.</summary>
    public Sample SampleAt(int index) => _samples[index];

    /// <summary>The sample <paramref name="box"/> held at snapshot time (the box must belong to the assembler).</summary>
    public T Get<T>(SampleBox<T> box)
        where T : Sample
    {
        ArgumentNullException.ThrowIfNull(box);
        return box.Current;
    }

    internal void Fill(TimeSpan now, TimeSpan? maxSkew)
    {
        TakenAt = now;
        Number++;
        FirstNotFresh = -1;
        NotFreshMask = 0;
        var oldest = TimeSpan.MaxValue;
        var newest = TimeSpan.MinValue;
        for (var i = 0; i < _inputs.Length; i++)
        {
            var input = _inputs[i];
            var sample = input.AcquireLatest();
            _samples[i] = sample;
            var status = Classify(input, sample, now);
            _statuses[i] = status;
            if (!status.IsFresh)
            {
                if (FirstNotFresh < 0)
                {
                    FirstNotFresh = i;
                }

                NotFreshMask |= i < 64 ? 1UL << i : 0;
            }
            else if (input.TakesPartInAlignment)
            {
                oldest = sample.Stamp < oldest ? sample.Stamp : oldest;
                newest = sample.Stamp > newest ? sample.Stamp : newest;
            }
        }

        Skew = newest >= oldest ? newest - oldest : TimeSpan.Zero;
        SkewExceeded = maxSkew is { } max && Skew > max;
    }

    private static InputStatus Classify(IObservationInput input, Sample sample, TimeSpan now)
    {
        if (sample.Sequence == 0)
        {
            return new InputStatus(InputState.Missing, TimeSpan.MaxValue, 0);
        }

        var age = now - sample.ReceivedAt;
        var state = !sample.IsUsable ? InputState.Unusable
            : age > input.Timeout ? InputState.Stale
            : InputState.Fresh;
        return new InputStatus(state, age, sample.Sequence);
    }
}
