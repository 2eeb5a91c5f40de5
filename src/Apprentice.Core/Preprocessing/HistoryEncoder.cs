using Apprentice.Core.Observations;

namespace Apprentice.Core.Preprocessing;

/// <summary>
/// Gives a model the last N frames of another encoder's tensor: the inner encoder writes into a
/// private frame buffer, which is pushed into a <see cref="FrameHistory"/> and written oldest
/// first into the target (length N × frame length).
/// </summary>
public sealed class HistoryEncoder : IObservationEncoder
{
    private readonly IObservationEncoder _inner;
    private readonly float[] _frame;
    private readonly FrameHistory _history;
    private readonly Memory<float> _target;

    /// <summary>Wraps an encoder that writes into <paramref name="frame"/> (a buffer of one frame, owned by the caller).</summary>
    public HistoryEncoder(IObservationEncoder inner, float[] frame, int depth, Memory<float> target)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(frame);
        if (target.Length != depth * frame.Length)
        {
            throw new ConfigurationException(inner.TensorName, "history tensor needs " + (depth * frame.Length) + " floats (" + depth + " frames) but the buffer has " + target.Length + ".");
        }

        _inner = inner;
        _frame = frame;
        _history = new FrameHistory(depth, frame.Length);
        _target = target;
    }

    /// <inheritdoc />
    public string TensorName => _inner.TensorName;

    /// <inheritdoc />
    public PreprocessStatus Encode(ObservationSnapshot snapshot)
    {
        var status = _inner.Encode(snapshot);
        if (status != PreprocessStatus.Ok)
        {
            return status;
        }

        _history.Push(_frame);
        _history.CopyTo(_target.Span);
        return PreprocessStatus.Ok;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _history.Clear();
        _inner.Reset();
    }
}
