using Apprentice.Core.Observations;

namespace Apprentice.Core.Preprocessing;

/// <summary>Joint positions/velocities (configured order), normalised, into a float tensor.</summary>
public sealed class JointStateEncoder : IObservationEncoder
{
    private readonly JointStateBox _box;
    private readonly Memory<float> _target;
    private readonly float[] _mean;
    private readonly float[] _invStd;
    private readonly bool _positions;
    private readonly bool _velocities;

    /// <summary>Creates the encoder writing into <paramref name="target"/>.</summary>
    /// <exception cref="ConfigurationException">Target length or statistics do not match the selected fields.</exception>
    public JointStateEncoder(string tensorName, JointStateBox box, JointStateEncoderOptions options, Memory<float> target)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(options);
        TensorName = tensorName;
        _box = box;
        _positions = options.Positions;
        _velocities = options.Velocities;
        var length = box.Order.Count * ((_positions ? 1 : 0) + (_velocities ? 1 : 0));
        if (length == 0 || target.Length != length)
        {
            throw new ConfigurationException(tensorName, "joint tensor needs " + length + " floats (" + box.Order.Count + " joints × selected fields) but the buffer has " + target.Length + ".");
        }

        _target = target;
        _mean = Stats(options.Mean, length, 0f, tensorName + ".mean");
        _invStd = Stats(options.Std, length, 1f, tensorName + ".std");
        for (var i = 0; i < length; i++)
        {
            if (!(_invStd[i] > 0) || !float.IsFinite(_invStd[i]))
            {
                throw new ConfigurationException(tensorName + ".std[" + i + "]", "must be positive and finite.");
            }

            _invStd[i] = 1f / _invStd[i];
        }
    }

    /// <inheritdoc />
    public string TensorName { get; }

    /// <inheritdoc />
    public PreprocessStatus Encode(ObservationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var sample = snapshot.Get(_box);
        var target = _target.Span;
        var n = _box.Order.Count;
        var k = 0;
        if (_positions)
        {
            for (var i = 0; i < n; i++, k++)
            {
                target[k] = ((float)sample.Positions[i] - _mean[k]) * _invStd[k];
            }
        }

        if (_velocities)
        {
            for (var i = 0; i < n; i++, k++)
            {
                target[k] = ((float)sample.Velocities[i] - _mean[k]) * _invStd[k];
            }
        }

        return PreprocessStatus.Ok;
    }

    /// <inheritdoc />
    public void Reset()
    {
    }

    private static float[] Stats(IReadOnlyList<float> values, int length, float fill, string field)
    {
        if (values.Count == 0)
        {
            var filled = new float[length];
            Array.Fill(filled, fill);
            return filled;
        }

        if (values.Count != length)
        {
            throw new ConfigurationException(field, "needs " + length + " values (got " + values.Count + ").");
        }

        return [.. values];
    }
}
