using Apprentice.Core.Observations;

namespace Apprentice.Core.Preprocessing;

/// <summary>The reference vector, normalised <c>(x − mean) / std</c>, into a float tensor.</summary>
public sealed class ReferenceEncoder : IObservationEncoder
{
    private readonly ReferenceBox _box;
    private readonly Memory<float> _target;
    private readonly float[] _mean;
    private readonly float[] _invStd;

    /// <summary>Creates the encoder writing <see cref="ReferenceBox.Dimension"/> floats into <paramref name="target"/>.</summary>
    /// <param name="tensorName">Model input name.</param>
    /// <param name="box">The reference input.</param>
    /// <param name="mean">Empty (no shift), one value, or one per element.</param>
    /// <param name="std">Empty (no scaling), one value, or one per element; each positive and finite.</param>
    /// <param name="target">The tensor buffer (length = dimension).</param>
    /// <exception cref="ConfigurationException">Buffer or statistics do not match the dimension.</exception>
    public ReferenceEncoder(string tensorName, ReferenceBox box, IReadOnlyList<float> mean, IReadOnlyList<float> std, Memory<float> target)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        TensorName = tensorName;
        _box = box;
        var n = box.Dimension;
        if (target.Length != n)
        {
            throw new ConfigurationException(tensorName, "reference tensor needs " + n + " floats but the buffer has " + target.Length + ".");
        }

        _target = target;
        var normalization = FeatureNormalization.Create(tensorName, mean, std, n);
        _mean = normalization.Mean;
        _invStd = normalization.InvStd;
    }

    /// <inheritdoc />
    public string TensorName { get; }

    /// <inheritdoc />
    public PreprocessStatus Encode(ObservationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var values = snapshot.Get(_box).Values;
        var target = _target.Span;
        for (var i = 0; i < values.Length; i++)
        {
            target[i] = ((float)values[i] - _mean[i]) * _invStd[i];
        }

        return PreprocessStatus.Ok;
    }

    /// <inheritdoc />
    public void Reset()
    {
    }
}
