namespace Apprentice.Core.Observations;

/// <summary>
/// Owns the inputs of one policy and takes the per-tick <see cref="ObservationSnapshot"/>.
/// </summary>
/// <remarks>
/// Alignment is "approximate time" over the newest samples: inputs are not held back to find an
/// older matching set (that would feed the policy old data); instead a snapshot whose newest samples
/// are further apart than <see cref="ObservationOptions.MaxSkew"/> is marked unusable.
/// Thread-safety: <see cref="Take"/> on one (control) thread only.
/// </remarks>
public sealed class ObservationAssembler
{
    private readonly ObservationSnapshot _snapshot;
    private readonly TimeSpan? _maxSkew;

    /// <summary>Creates the assembler over <paramref name="inputs"/> (names must be unique).</summary>
    /// <exception cref="ConfigurationException">No inputs, or two inputs share a name.</exception>
    public ObservationAssembler(IReadOnlyList<IObservationInput> inputs, ObservationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= ObservationOptions.Default;
        options.Validate();
        if (inputs.Count == 0)
        {
            throw new ConfigurationException("observations.inputs", "no inputs configured; a policy needs at least one observation input.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (!names.Add(input.Name))
            {
                throw new ConfigurationException("observations.inputs", "input name '" + input.Name + "' is used twice; give each input its own name.");
            }
        }

        _snapshot = new ObservationSnapshot([.. inputs]);
        _maxSkew = options.MaxSkew;
    }

    /// <summary>The snapshot object (the same instance every tick).</summary>
    public ObservationSnapshot Snapshot => _snapshot;

    /// <summary>
    /// Takes the newest sample of every input, classifies freshness at <paramref name="now"/>
    /// (monotonic) and checks alignment. Real-time safe: no allocation, no lock, no wait.
    /// </summary>
    public ObservationSnapshot Take(TimeSpan now)
    {
        _snapshot.Fill(now, _maxSkew);
        return _snapshot;
    }
}
