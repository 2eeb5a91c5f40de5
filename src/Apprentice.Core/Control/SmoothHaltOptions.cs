namespace Apprentice.Core.Control;

/// <summary>Options of <see cref="SmoothHaltFallback"/>.</summary>
public sealed record SmoothHaltOptions
{
    /// <summary>Meaning of the command vector. Default <see cref="CommandKind.Velocity"/>.</summary>
    public CommandKind Kind { get; init; } = CommandKind.Velocity;

    /// <summary>Largest deceleration per command dimension [rad/s² or m/s²] (required, positive).</summary>
    public IReadOnlyList<double> MaxDecelerationPerSec2 { get; init; } = [];

    /// <summary>Throws <see cref="ConfigurationException"/> when a limit is missing or not positive.</summary>
    public void Validate(int dimension)
    {
        if (MaxDecelerationPerSec2.Count != dimension)
        {
            throw new ConfigurationException("fallback.max_deceleration", "needs " + dimension + " values, one per command dimension (got " + MaxDecelerationPerSec2.Count + ").");
        }

        for (var i = 0; i < dimension; i++)
        {
            if (!(MaxDecelerationPerSec2[i] > 0) || double.IsInfinity(MaxDecelerationPerSec2[i]))
            {
                throw new ConfigurationException("fallback.max_deceleration[" + i + "]", "must be positive and finite (got " + MaxDecelerationPerSec2[i] + ").");
            }
        }
    }
}
