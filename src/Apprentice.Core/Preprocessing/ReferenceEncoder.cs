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
        _mean = Expand(mean, n, 0f, tensorName + ".mean");
        _invStd = Expand(std, n, 1f, tensorName + ".std");
        for (var i = 0; i < n; i++)
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

    private static float[] Expand(IReadOnlyList<float> values, int n, float fill, string field)
    {
        if (values.Count is not (0 or 1) && values.Count != n)
        {
            throw new ConfigurationException(field, "needs 1 or " + n + " values (got " + values.Count + ").");
        }

        var result = new float[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = values.Count == 0 ? fill : values[values.Count == 1 ? 0 : i];
        }

        return result;
    }
}
