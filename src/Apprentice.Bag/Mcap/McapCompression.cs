using System.Buffers;
using K4os.Compression.LZ4;
using K4os.Compression.LZ4.Streams;
using ZstdSharp;

namespace Apprentice.Bag.Mcap;

/// <summary>Chunk compressions MCAP names: <c>""</c> (none), <c>"zstd"</c> and <c>"lz4"</c> (LZ4 frame format).</summary>
public enum McapCompressionKind
{
    /// <summary>Records stored as they are (compression string <c>""</c>).</summary>
    None,
    /// <summary>Zstandard frame (compression string <c>"zstd"</c>).</summary>
    Zstd,
    /// <summary>LZ4 frame format, not the raw block format (compression string <c>"lz4"</c>).</summary>
    Lz4,
}

/// <summary>Chunk decompression with a size cap checked before any allocation.</summary>
public static class McapCompression
{
    /// <summary>The MCAP compression string of <paramref name="kind"/>.</summary>
    public static string Name(McapCompressionKind kind) => kind switch
    {
        McapCompressionKind.Zstd => "zstd",
        McapCompressionKind.Lz4 => "lz4",
        _ => "",
    };

    /// <summary>Parses <c>none|zstd|lz4</c> (or <c>""</c>) to a kind.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static McapCompressionKind Parse(string name) => name.ToUpperInvariant() switch
    {
        "" or "NONE" => McapCompressionKind.None,
        "ZSTD" => McapCompressionKind.Zstd,
        "LZ4" => McapCompressionKind.Lz4,
        _ => throw new ArgumentException($"Unknown compression '{name}'; use none, lz4 or zstd.", nameof(name)),
    };

    /// <summary>
    /// Decompresses a chunk's records into a new array of exactly <paramref name="uncompressedSize"/>
    /// bytes. A size above <paramref name="maxBytes"/> is refused before allocating (decompression
    /// bombs); output longer or shorter than declared is an error.
    /// </summary>
    /// <exception cref="McapException">Unknown compression, size over the cap, or corrupt data.</exception>
    public static byte[] Decompress(
        string compression, ReadOnlyMemory<byte> source, ulong uncompressedSize, long maxBytes, long chunkOffset)
    {
        if (uncompressedSize > (ulong)Math.Min(maxBytes, Array.MaxLength))
        {
            throw new McapException(
                $"Chunk declares {uncompressedSize} uncompressed bytes, over the cap of {maxBytes} " +
                "(McapReaderOptions.MaxChunkBytes); the file is corrupt or hostile", chunkOffset);
        }

        CheckPlausible(compression, source.Span, uncompressedSize, chunkOffset);
        var output = new byte[uncompressedSize];
        try
        {
            switch (compression)
            {
                case "":
                    if ((ulong)source.Length != uncompressedSize)
                    {
                        throw new McapException(
                            $"Uncompressed chunk holds {source.Length} bytes but declares {uncompressedSize}", chunkOffset);
                    }

                    source.Span.CopyTo(output);
                    break;
                case "zstd":
                    DecodeZstd(source.Span, output, chunkOffset);
                    break;
                case "lz4":
                    DecodeLz4(source, output, chunkOffset);
                    break;
                default:
                    throw new McapException($"Unsupported chunk compression '{compression}'", chunkOffset);
            }
        }
        catch (McapException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new McapException($"Corrupt {compression} chunk: {e.Message}", chunkOffset, null, e);
        }

        return output;
    }

    /// <summary>
    /// Refuses, before allocating, a declared size the compressed bytes cannot produce: an
    /// uncompressed chunk must hold exactly that many bytes, a zstd frame that states its content
    /// size must agree, and LZ4 cannot expand more than 255-fold.
    /// </summary>
    private static void CheckPlausible(string compression, ReadOnlySpan<byte> source, ulong uncompressedSize, long chunkOffset)
    {
        ulong? possible = compression switch
        {
            "" => (ulong)source.Length,
            "lz4" => (ulong)source.Length * 256 + 65536,
            "zstd" => ZstdContentSize(source),
            _ => null,
        };
        if (possible is { } p && (compression == "" ? uncompressedSize != p : uncompressedSize > p))
        {
            throw new McapException(
                $"Chunk declares {uncompressedSize} uncompressed bytes but its {(compression.Length == 0 ? "uncompressed" : compression)} " +
                $"data of {source.Length} bytes can only hold {p}", chunkOffset);
        }
    }

    private static ulong? ZstdContentSize(ReadOnlySpan<byte> source)
    {
        try
        {
            var size = Decompressor.GetDecompressedSize(source);
            return size is 0 or >= ulong.MaxValue - 1 ? null : size; // unknown: rely on the cap
        }
        catch (ZstdException)
        {
            return null; // not parseable here; decompression reports it
        }
    }

    private static void DecodeZstd(ReadOnlySpan<byte> source, byte[] output, long chunkOffset)
    {
        using var d = new Decompressor();
        var n = d.Unwrap(source, output);
        if (n != output.Length)
        {
            throw new McapException($"zstd chunk decompressed to {n} bytes, declared {output.Length}", chunkOffset);
        }
    }

    private static void DecodeLz4(ReadOnlyMemory<byte> source, byte[] output, long chunkOffset)
    {
        using var stream = LZ4Stream.Decode(new ReadOnlyMemoryStream(source));
        var filled = 0;
        while (filled < output.Length)
        {
            var n = stream.Read(output, filled, output.Length - filled);
            if (n == 0)
            {
                throw new McapException($"lz4 chunk decompressed to {filled} bytes, declared {output.Length}", chunkOffset);
            }

            filled += n;
        }

        Span<byte> probe = stackalloc byte[1];
        if (stream.Read(probe) != 0)
        {
            throw new McapException($"lz4 chunk decompresses to more than the declared {output.Length} bytes", chunkOffset);
        }
    }

    /// <summary>Compresses <paramref name="source"/> into <paramref name="target"/> (cleared first).</summary>
    internal static void Compress(McapCompressionKind kind, ReadOnlySpan<byte> source, ArrayBufferWriter<byte> target, Compressor? zstd)
    {
        target.ResetWrittenCount();
        switch (kind)
        {
            case McapCompressionKind.Zstd:
                var bound = Compressor.GetCompressBound(source.Length);
                var n = zstd!.Wrap(source, target.GetSpan(bound));
                target.Advance(n);
                break;
            case McapCompressionKind.Lz4:
                LZ4Frame.Encode(source, target, LZ4Level.L00_FAST);
                break;
            default:
                target.Write(source);
                break;
        }
    }
}
