namespace Apprentice.Bag.Mcap;

/// <summary>Options of <see cref="McapWriter"/>. Immutable; validated once by the writer.</summary>
public sealed record McapWriterOptions
{
    /// <summary>rosbag2's conventions: profile <c>ros2</c>, 1 MiB zstd chunks, every index and CRC.</summary>
    public static McapWriterOptions Default { get; } = new();

    /// <summary>Header profile. Default <c>ros2</c>.</summary>
    public string Profile { get; init; } = "ros2";

    /// <summary>Header library string. Default <c>Apprentice</c> plus the assembly version.</summary>
    public string Library { get; init; } = "Apprentice " + typeof(McapWriter).Assembly.GetName().Version?.ToString(3);

    /// <summary>Uncompressed bytes after which a chunk is closed and written, in bytes. Default 1 MiB. Bounds what a crash loses.</summary>
    public int ChunkSizeBytes { get; init; } = 1 << 20;

    /// <summary>Chunk compression. Default zstd.</summary>
    public McapCompressionKind Compression { get; init; } = McapCompressionKind.Zstd;

    /// <summary>zstd level (1 fastest … 19). Default 1.</summary>
    public int ZstdLevel { get; init; } = 1;

    /// <summary>Compute real CRCs (chunk, data section, summary, attachment). Default true.</summary>
    public bool ComputeCrcs { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a value is out of range.</summary>
    public McapWriterOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ChunkSizeBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ChunkSizeBytes, 1 << 30);
        ArgumentOutOfRangeException.ThrowIfLessThan(ZstdLevel, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ZstdLevel, 22);
        return this;
    }
}
