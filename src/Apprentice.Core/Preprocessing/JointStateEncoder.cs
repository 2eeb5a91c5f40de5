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
        var normalization = FeatureNormalization.Create(tensorName, options.Mean, options.Std, length);
        _mean = normalization.Mean;
        _invStd = normalization.InvStd;
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
}
