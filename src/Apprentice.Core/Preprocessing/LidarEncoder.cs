using Apprentice.Core.Observations;

namespace Apprentice.Core.Preprocessing;

/// <summary>A LaserScan or PointCloud2 input into fixed angular bins [m] through an <see cref="AngularBinner"/>.</summary>
public sealed class LidarEncoder : IObservationEncoder
{
    private readonly LaserScanBox? _scan;
    private readonly PointCloudBox? _cloud;
    private readonly AngularBinner _binner;
    private readonly Memory<float> _target;

    /// <summary>Bins a LaserScan input.</summary>
    public LidarEncoder(string tensorName, LaserScanBox box, AngularBinner binner, Memory<float> target)
        : this(tensorName, binner, target)
    {
        _scan = box ?? throw new ArgumentNullException(nameof(box));
    }

    /// <summary>Bins a PointCloud2 input (x/y, within the z band).</summary>
    public LidarEncoder(string tensorName, PointCloudBox box, AngularBinner binner, Memory<float> target)
        : this(tensorName, binner, target)
    {
        _cloud = box ?? throw new ArgumentNullException(nameof(box));
    }

    private LidarEncoder(string tensorName, AngularBinner binner, Memory<float> target)
    {
        ArgumentNullException.ThrowIfNull(binner);
        if (target.Length != binner.Options.BinCount)
        {
            throw new ConfigurationException(tensorName, "LiDAR tensor needs " + binner.Options.BinCount + " floats but the buffer has " + target.Length + ".");
        }

        TensorName = tensorName;
        _binner = binner;
        _target = target;
    }

    /// <inheritdoc />
    public string TensorName { get; }

    /// <inheritdoc />
    public PreprocessStatus Encode(ObservationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return _scan is not null
            ? _binner.Bin(snapshot.Get(_scan), _target.Span)
            : _binner.Bin(snapshot.Get(_cloud!).Xyz, _target.Span);
    }

    /// <inheritdoc />
    public void Reset()
    {
    }
}
