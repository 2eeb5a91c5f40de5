namespace Apprentice.Learning.Dataset;

/// <summary>What was skipped while building, per reason (ticks).</summary>
/// <param name="NotUsable">Ticks whose snapshot was not usable (an input missing, stale or skewed), as the node would refuse it.</param>
/// <param name="NoAction">Ticks without a fresh command (or outside an intervention in DAgger mode).</param>
/// <param name="DiscardedEpisodes">Episodes dropped as discarded.</param>
/// <param name="UnsuccessfulEpisodes">Episodes dropped because only successful ones were asked for.</param>
public sealed record DatasetSkips(long NotUsable, long NoAction, int DiscardedEpisodes, int UnsuccessfulEpisodes);

/// <summary>Episodes of (observation, action) samples with their layout and normalisation statistics. Immutable.</summary>
public sealed class DemonstrationDataset
{
    /// <summary>Creates the dataset and computes its statistics.</summary>
    /// <exception cref="ArgumentException">No samples at all.</exception>
    public DemonstrationDataset(FeatureLayout layout, DatasetOptions options, IReadOnlyList<EpisodeSamples> episodes, DatasetSkips skips)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(episodes);
        (Layout, Options, Episodes, Skips) = (layout, options, episodes, skips);
        Statistics = NormalizationStats.Compute(episodes, options.StdFloor);
    }

    /// <summary>The observation layout.</summary>
    public FeatureLayout Layout { get; }

    /// <summary>The options it was built with.</summary>
    public DatasetOptions Options { get; }

    /// <summary>The episodes (global order: bags in the order given, episodes in bag order).</summary>
    public IReadOnlyList<EpisodeSamples> Episodes { get; }

    /// <summary>Statistics over all samples.</summary>
    public NormalizationStats Statistics { get; }

    /// <summary>What was skipped.</summary>
    public DatasetSkips Skips { get; }

    /// <summary>Total samples.</summary>
    public long SampleCount => Episodes.Sum(e => (long)e.Count);

    /// <summary>
    /// The episodes of several datasets with the same layout in one (DAgger aggregation: expert
    /// demonstrations plus intervention-only corrections); statistics recomputed over all of them.
    /// </summary>
    /// <exception cref="ArgumentException">No datasets, or layouts that differ.</exception>
    public static DemonstrationDataset Merge(IReadOnlyList<DemonstrationDataset> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        if (datasets.Count == 0)
        {
            throw new ArgumentException("nothing to merge", nameof(datasets));
        }

        var first = datasets[0];
        var names = first.Layout.FeatureNames();
        if (datasets.Any(d => !d.Layout.FeatureNames().SequenceEqual(names) || !d.Layout.JointNames.SequenceEqual(first.Layout.JointNames)))
        {
            throw new ArgumentException("datasets with different observation layouts cannot be merged; build them with the same inputs and joints", nameof(datasets));
        }

        var skips = datasets.Select(d => d.Skips).Aggregate((a, b) => new DatasetSkips(
            a.NotUsable + b.NotUsable, a.NoAction + b.NoAction, a.DiscardedEpisodes + b.DiscardedEpisodes, a.UnsuccessfulEpisodes + b.UnsuccessfulEpisodes));
        return new DemonstrationDataset(first.Layout, first.Options, [.. datasets.SelectMany(d => d.Episodes)], skips);
    }

    /// <summary>A dataset of a subset of the episodes (statistics recomputed over them).</summary>
    public DemonstrationDataset Subset(IEnumerable<int> episodeIndices) =>
        new(Layout, Options, [.. episodeIndices.Select(i => Episodes[i])], Skips);
}
