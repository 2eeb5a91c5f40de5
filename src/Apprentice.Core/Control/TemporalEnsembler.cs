namespace Apprentice.Core.Control;

/// <summary>
/// ACT-style temporal ensembling over overlapping action chunks: the action for tick t is the
/// weighted mean of every stored chunk's prediction for t, with weights w_i = exp(−m·i) where
/// i = 0 is the oldest chunk covering t (as in ACT, older predictions weigh more, which smooths
/// motion). With ensembling off, the newest covering chunk is executed as is.
/// </summary>
/// <remarks>Preallocated ring of chunks; allocation-free; control thread only.</remarks>
public sealed class TemporalEnsembler
{
    private readonly float[][] _chunks;
    private readonly long[] _starts;
    private readonly double _decay;
    private readonly bool _ensemble;
    private int _count;
    private int _head;

    /// <summary>Creates the ensembler for chunks of <paramref name="chunkLength"/> steps of <paramref name="actionDimension"/> values.</summary>
    public TemporalEnsembler(int actionDimension, int chunkLength, double decay, bool ensemble = true)
    {
        if (actionDimension < 1 || chunkLength < 1)
        {
            throw new ConfigurationException("policy.chunk", "action dimension and chunk length must be positive (got " + actionDimension + ", " + chunkLength + ").");
        }

        ActionDimension = actionDimension;
        ChunkLength = chunkLength;
        _decay = decay;
        _ensemble = ensemble;
        _chunks = new float[chunkLength][];
        for (var i = 0; i < chunkLength; i++)
        {
            _chunks[i] = new float[chunkLength * actionDimension];
        }

        _starts = new long[chunkLength];
    }

    /// <summary>Values per action step.</summary>
    public int ActionDimension { get; }

    /// <summary>Steps per chunk.</summary>
    public int ChunkLength { get; }

    /// <summary>Chunks stored (at most <see cref="ChunkLength"/>; older ones cannot cover a later tick).</summary>
    public int Count => _count;

    /// <summary>Normalised weights for <paramref name="weights"/>.Length overlapping chunks (oldest first).</summary>
    public static void Weights(double decay, Span<double> weights)
    {
        double sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Math.Exp(-decay * i);
            sum += weights[i];
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= sum;
        }
    }

    /// <summary>Stores a chunk whose step 0 is the action for tick <paramref name="startTick"/>. Chunks must arrive in start order.</summary>
    public void Add(long startTick, ReadOnlySpan<float> chunk)
    {
        if (chunk.Length != ChunkLength * ActionDimension)
        {
            throw new ArgumentException("chunk has " + chunk.Length + " values, expected " + (ChunkLength * ActionDimension), nameof(chunk));
        }

        var slot = (_head + _count) % _chunks.Length;
        if (_count == _chunks.Length)
        {
            _head = (_head + 1) % _chunks.Length;
        }
        else
        {
            _count++;
        }

        chunk.CopyTo(_chunks[slot]);
        _starts[slot] = startTick;
    }

    /// <summary>
    /// Writes the action for <paramref name="tick"/> into <paramref name="action"/>; false when no
    /// stored chunk covers that tick. Drops chunks that ended before it.
    /// </summary>
    public bool TryGetAction(long tick, Span<double> action)
    {
        while (_count > 0 && _starts[_head] + ChunkLength <= tick)
        {
            _head = (_head + 1) % _chunks.Length;
            _count--;
        }

        action.Clear();
        double weightSum = 0;
        var rank = 0;
        var newest = -1;
        for (var k = 0; k < _count; k++)
        {
            var slot = (_head + k) % _chunks.Length;
            var step = tick - _starts[slot];
            if (step < 0 || step >= ChunkLength)
            {
                continue;
            }

            newest = slot;
            if (!_ensemble)
            {
                continue;
            }

            var w = Math.Exp(-_decay * rank++);
            weightSum += w;
            var values = _chunks[slot].AsSpan((int)step * ActionDimension, ActionDimension);
            for (var j = 0; j < ActionDimension; j++)
            {
                action[j] += w * values[j];
            }
        }

        if (newest < 0)
        {
            return false;
        }

        if (!_ensemble)
        {
            var values = _chunks[newest].AsSpan((int)(tick - _starts[newest]) * ActionDimension, ActionDimension);
            for (var j = 0; j < ActionDimension; j++)
            {
                action[j] = values[j];
            }

            return true;
        }

        for (var j = 0; j < ActionDimension; j++)
        {
            action[j] /= weightSum;
        }

        return true;
    }

    /// <summary>Forgets all chunks (after a bad chunk, a reset or a fallback period).</summary>
    public void Clear()
    {
        _count = 0;
        _head = 0;
    }
}
