namespace Apprentice.Learning.Dataset;

/// <summary>
/// The samples of one episode at the control rate, in time order: raw (not normalised)
/// observations and actions, row-major. Immutable after construction.
/// </summary>
public sealed class EpisodeSamples
{
    /// <summary>Creates the episode.</summary>
    /// <exception cref="ArgumentException">Sizes disagree.</exception>
    public EpisodeSamples(string bagPath, EpisodeInfo info, int featureCount, int actionCount, float[] observations, float[] actions, long[] timesNs)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(timesNs);
        if (observations.Length != timesNs.Length * featureCount || actions.Length != timesNs.Length * actionCount)
        {
            throw new ArgumentException($"episode arrays disagree: {timesNs.Length} ticks, {observations.Length} observation and {actions.Length} action values");
        }

        (BagPath, Info, FeatureCount, ActionCount, Observations, Actions, TimesNs) =
            (bagPath, info, featureCount, actionCount, observations, actions, timesNs);
    }

    /// <summary>The bag it came from.</summary>
    public string BagPath { get; }

    /// <summary>Labels and times.</summary>
    public EpisodeInfo Info { get; }

    /// <summary>Features per sample.</summary>
    public int FeatureCount { get; }

    /// <summary>Action values per sample.</summary>
    public int ActionCount { get; }

    /// <summary>Observations, <see cref="Count"/> × <see cref="FeatureCount"/>.</summary>
    public float[] Observations { get; }

    /// <summary>Actions, <see cref="Count"/> × <see cref="ActionCount"/>.</summary>
    public float[] Actions { get; }

    /// <summary>Tick times (receive clock, ns since the epoch).</summary>
    public long[] TimesNs { get; }

    /// <summary>Number of samples.</summary>
    public int Count => TimesNs.Length;

    /// <summary>Observation of sample <paramref name="i"/>.</summary>
    public ReadOnlySpan<float> Observation(int i) => Observations.AsSpan(i * FeatureCount, FeatureCount);

    /// <summary>Action of sample <paramref name="i"/>.</summary>
    public ReadOnlySpan<float> Action(int i) => Actions.AsSpan(i * ActionCount, ActionCount);
}
