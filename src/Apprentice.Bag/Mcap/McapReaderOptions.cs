namespace Apprentice.Bag.Mcap;

/// <summary>Options of the MCAP readers. Immutable; <see cref="Default"/> suits real bags.</summary>
public sealed record McapReaderOptions
{
    /// <summary>Defaults: CRCs validated, 1 GiB caps, no recovery.</summary>
    public static McapReaderOptions Default { get; } = new();

    /// <summary>Validate every non-zero CRC (chunk, data section, summary, attachment). Default true.</summary>
    public bool ValidateCrcs { get; init; } = true;

    /// <summary>Largest record body accepted, in bytes (hostile lengths). Default 1 GiB.</summary>
    public long MaxRecordBytes { get; init; } = 1L << 30;

    /// <summary>Largest declared uncompressed chunk size accepted, in bytes (decompression bombs). Default 1 GiB.</summary>
    public long MaxChunkBytes { get; init; } = 1L << 30;

    /// <summary>
    /// Recovery mode: a truncated tail ends the stream quietly and a corrupt chunk is skipped
    /// (counted in <see cref="McapStreamReader.SkippedChunks"/>) instead of throwing. Default false.
    /// </summary>
    public bool Recover { get; init; }

    /// <summary>Yield the records inside chunks instead of the Chunk records themselves. Default true.</summary>
    public bool FlattenChunks { get; init; } = true;

    /// <summary>Throws when a value is out of range.</summary>
    public McapReaderOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecordBytes, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxChunkBytes, 64);
        return this;
    }
}
