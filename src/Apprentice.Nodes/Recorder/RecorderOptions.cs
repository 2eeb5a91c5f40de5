using System.Text.RegularExpressions;
using Apprentice.Bag.Bags;

namespace Apprentice.Nodes.Recorder;

/// <summary>Options of <see cref="RecorderNode"/> (the <c>ros2 bag record</c> options). Immutable; validated once.</summary>
public sealed record RecorderOptions
{
    /// <summary>Bag directory to create (must not exist or be empty).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Record every discovered topic (subject to the regex and type filters). Default false.</summary>
    public bool All { get; init; }

    /// <summary>Topics to record (recorded once a publisher announces its type). Default none.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Also record discovered topics whose name matches this regular expression; null (default) = none.</summary>
    public string? IncludeRegex { get; init; }

    /// <summary>Never record topics whose name matches this regular expression; null (default) = none.</summary>
    public string? ExcludeRegex { get; init; }

    /// <summary>Never record topics of these types (<c>pkg/msg/Name</c>). Default none.</summary>
    public IReadOnlySet<string> ExcludeTypes { get; init; } = new HashSet<string>();

    /// <summary>Storage, splitting, cache and compression of the bag. Default <see cref="BagWriterOptions.Default"/>.</summary>
    public BagWriterOptions Writer { get; init; } = BagWriterOptions.Default;

    /// <summary>How often the graph is scanned for new topics. Default 100 ms (as rosbag2).</summary>
    public TimeSpan DiscoveryPeriod { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Keep-last depth of the recorder's subscriptions. Default 100.</summary>
    public int SubscriptionDepth { get; init; } = 100;

    /// <summary>Period of the <c>/diagnostics</c> reports; zero = none. Default 1 s (diagnostic_updater's).</summary>
    public TimeSpan DiagnosticsPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public RecorderOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new ArgumentException("The recorder needs an output directory (-o).");
        }

        if (!All && Topics.Count == 0 && IncludeRegex is null)
        {
            throw new ArgumentException("Nothing to record: give topics, --all or --regex.");
        }

        Check(IncludeRegex, "--regex");
        Check(ExcludeRegex, "--exclude");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DiscoveryPeriod, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(SubscriptionDepth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(DiagnosticsPeriod, TimeSpan.Zero);
        _ = Writer.Validated();
        return this;
    }

    private static void Check(string? pattern, string option)
    {
        if (pattern is null)
        {
            return;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{option} '{pattern}' is not a valid regular expression: {e.Message}", e);
        }
    }
}
