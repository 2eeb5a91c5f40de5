namespace Apprentice.Core.Preprocessing;

/// <summary>
/// Fixed angular bins for LiDAR input: <see cref="BinCount"/> equal sectors from
/// <see cref="AngleMinRad"/> to <see cref="AngleMaxRad"/> in the sensor frame, each holding the
/// nearest range [m] seen in it, clipped to [<see cref="RangeMinM"/>, <see cref="RangeMaxM"/>].
/// A sector with no return reads <see cref="RangeMaxM"/> (nothing within range).
/// </summary>
public sealed record AngularBinOptions
{
    /// <summary>Number of bins (required, positive).</summary>
    public int BinCount { get; init; }

    /// <summary>Start angle of bin 0 [rad]. Default −π.</summary>
    public float AngleMinRad { get; init; } = -MathF.PI;

    /// <summary>End angle of the last bin [rad]. Default π. Must exceed the start by at most 2π.</summary>
    public float AngleMaxRad { get; init; } = MathF.PI;

    /// <summary>Smallest range written [m]; closer returns and −inf readings clip to it. Default 0.</summary>
    public float RangeMinM { get; init; }

    /// <summary>Largest range written [m]; empty sectors, +inf readings and farther returns read it. Required, positive.</summary>
    public float RangeMaxM { get; init; }

    /// <summary>Lowest z [m] of point-cloud points used (default −∞: all).</summary>
    public float MinZM { get; init; } = float.NegativeInfinity;

    /// <summary>Highest z [m] of point-cloud points used (default +∞: all).</summary>
    public float MaxZM { get; init; } = float.PositiveInfinity;

    /// <summary>Throws <see cref="ConfigurationException"/> naming the first bad field (prefixed with <paramref name="field"/>).</summary>
    public void Validate(string field)
    {
        if (BinCount <= 0)
        {
            throw new ConfigurationException(field + ".bins", "must be positive (got " + BinCount + ").");
        }

        var span = AngleMaxRad - AngleMinRad;
        if (!(span > 0) || span > (2 * MathF.PI) + 1e-5f)
        {
            throw new ConfigurationException(field + ".angle_max", "must exceed angle_min by more than 0 and at most 2π rad.");
        }

        if (!(RangeMaxM > RangeMinM) || RangeMinM < 0 || !float.IsFinite(RangeMaxM))
        {
            throw new ConfigurationException(field + ".range_max", "must be finite and greater than range_min ≥ 0 (got " + RangeMinM + ".." + RangeMaxM + " m).");
        }

        if (MinZM > MaxZM)
        {
            throw new ConfigurationException(field + ".min_z", "must not exceed max_z.");
        }
    }
}
