using Apprentice.Bag.Mcap;
using Apprentice.Nodes.Parameters;
using Apprentice.Ros.Args;

namespace Apprentice.Nodes.Recorder;

/// <summary>
/// The recorder node's ROS parameters (documented with units and defaults in
/// <c>config/recorder.yaml</c>) and how each sets <see cref="RecorderOptions"/>.
/// </summary>
public static class RecorderParameters
{
    /// <summary>The recorder's default node name (spec: <c>recorder</c>).</summary>
    public const string NodeName = "recorder";

    /// <summary>The binder of every recorder parameter.</summary>
    public static ParameterBinder<RecorderOptions> Binder { get; } = new(NodeName,
    [
        new("output", nameof(RecorderOptions.OutputDirectory), (o, v) => v.String("output") is { Length: > 0 } s ? o with { OutputDirectory = s } : o),
        new("all", nameof(RecorderOptions.All), (o, v) => o with { All = v.Bool("all") }),
        new("topics", nameof(RecorderOptions.Topics), (o, v) => o with { Topics = v.Strings("topics") }),
        new("regex", nameof(RecorderOptions.IncludeRegex), (o, v) => o with { IncludeRegex = NullIfEmpty(v.String("regex")) }),
        new("exclude_regex", nameof(RecorderOptions.ExcludeRegex), (o, v) => o with { ExcludeRegex = NullIfEmpty(v.String("exclude_regex")) }),
        new("exclude_types", nameof(RecorderOptions.ExcludeTypes), (o, v) => o with { ExcludeTypes = v.Strings("exclude_types").ToHashSet(StringComparer.Ordinal) }),
        new("storage_id", "Writer.StorageIdentifier", (o, v) => o with { Writer = o.Writer with { StorageIdentifier = v.String("storage_id") } }),
        new("compression", "Writer.Mcap.Compression", (o, v) => o with { Writer = o.Writer with { Mcap = o.Writer.Mcap with { Compression = Compression(v.String("compression")) } } }),
        new("chunk_size", "Writer.Mcap.ChunkSizeBytes", (o, v) => o with { Writer = o.Writer with { Mcap = o.Writer.Mcap with { ChunkSizeBytes = checked((int)v.Integer("chunk_size")) } } }),
        new("max_bag_size", "Writer.MaxFileSizeBytes", (o, v) => o with { Writer = o.Writer with { MaxFileSizeBytes = v.Integer("max_bag_size") } }),
        new("max_bag_duration", "Writer.MaxFileDuration", (o, v) => o with { Writer = o.Writer with { MaxFileDuration = v.Seconds("max_bag_duration") } }),
        new("max_cache_size", "Writer.CacheCapacityBytes", (o, v) => o with { Writer = o.Writer with { CacheCapacityBytes = v.Integer("max_cache_size") } }),
        new("snapshot_mode", "Writer.SnapshotMode", (o, v) => o with { Writer = o.Writer with { SnapshotMode = v.Bool("snapshot_mode") } }),
        new("discovery_period", nameof(RecorderOptions.DiscoveryPeriod), (o, v) => o with { DiscoveryPeriod = v.Seconds("discovery_period") }),
        new("subscription_depth", nameof(RecorderOptions.SubscriptionDepth), (o, v) => o with { SubscriptionDepth = checked((int)v.Integer("subscription_depth")) }),
        new("diagnostics_period", nameof(RecorderOptions.DiagnosticsPeriod), (o, v) => o with { DiagnosticsPeriod = v.Seconds("diagnostics_period") }),
    ]);

    /// <summary>
    /// Options members deliberately without a parameter, with the reason (the coverage test reads this).
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotParameters { get; } = new Dictionary<string, string>
    {
        ["Writer.CustomData"] = "filled by the recorder itself (episodes, counts)",
        ["Writer.RosDistro"] = "taken from ROS_DISTRO by the composition root",
        ["Writer.Mcap.Profile"] = "always ros2 for rosbag2 bags",
        ["Writer.Mcap.Library"] = "the writer's own name",
        ["Writer.Mcap.ZstdLevel"] = "rosbag2 does not expose it either; the default (1) favours speed",
        ["Writer.Mcap.ComputeCrcs"] = "always on so bags can be validated",
    };

    /// <summary>Parses a compression name as <c>--compression</c> takes it.</summary>
    /// <exception cref="RosArgumentException">Not zstd, lz4 or none.</exception>
    public static McapCompressionKind Compression(string name) => name.ToLowerInvariant() switch
    {
        "zstd" => McapCompressionKind.Zstd,
        "lz4" => McapCompressionKind.Lz4,
        "none" or "" => McapCompressionKind.None,
        _ => throw new RosArgumentException($"compression '{name}' is not one of zstd, lz4, none."),
    };

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
