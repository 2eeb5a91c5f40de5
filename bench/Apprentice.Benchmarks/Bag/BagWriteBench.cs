using System.Diagnostics;
using System.Globalization;
using Apprentice.Bag.Bags;
using Apprentice.Bag.Mcap;
using Apprentice.Bag.Storage;

namespace Apprentice.Benchmarks.Bag;

/// <summary>
/// Issue 3's write benchmark: 100 B, 10 KiB and 1 MiB messages through <see cref="McapWriter"/>
/// (the storage hot path) and <see cref="BagWriter"/> (cache + consumer thread + metadata) with
/// none/lz4/zstd chunks, beside a plain sequential <see cref="FileStream"/> write of the same
/// payload bytes to the same directory in the same run. Medians of several repetitions; MiB/s
/// counts payload bytes. Files are not fsynced (neither is the baseline), so this measures our code
/// plus the page cache, not the disk. Run:
/// <c>dotnet run -c Release --project bench/Apprentice.Benchmarks -- bag-write [dir] [reps] [MiB per run]</c>.
/// </summary>
public static class BagWriteBench
{
    private static readonly int[] Sizes = [100, 10 << 10, 1 << 20];
    private static readonly McapCompressionKind[] Compressions = [McapCompressionKind.None, McapCompressionKind.Lz4, McapCompressionKind.Zstd];

    /// <summary>Runs every case and prints a Markdown table.</summary>
    public static void Run(string[] args)
    {
        var dir = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "apprentice-bag-bench");
        var reps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var mib = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 128;
        Directory.CreateDirectory(dir);
        var pool = SensorLikeBytes(64 << 20, seed: 42);
        Console.WriteLine($"# bag write: {mib} MiB of payload per run, median of {reps}, dir {dir}, {Environment.ProcessorCount} cores");
        Console.WriteLine("| msg size | writer | compression | msgs | MiB/s | msgs/s | plain MiB/s | ratio | file/payload |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var size in Sizes)
        {
            var count = (int)Math.Max(1000, (long)mib * (1 << 20) / size);
            var payloads = Payloads(pool, size, count);
            foreach (var writer in new[] { "McapWriter", "BagWriter" })
            {
                foreach (var compression in Compressions)
                {
                    var ours = new List<double>();
                    var plain = new List<double>();
                    long fileBytes = 0;
                    for (var r = 0; r < reps + 1; r++)
                    {
                        // Alternate the order so neither side always meets a warmer page cache.
                        var p = r % 2 == 0 ? Plain(dir, payloads) : 0;
                        var (seconds, bytes) = writer == "McapWriter" ? Mcap(dir, payloads, compression) : Bag(dir, payloads, compression);
                        p = r % 2 == 0 ? p : Plain(dir, payloads);
                        if (r > 0)
                        {
                            // the first repetition warms the JIT and the page cache
                            ours.Add(seconds);
                            plain.Add(p);
                        }

                        fileBytes = bytes;
                    }

                    var total = (double)size * count / (1 << 20);
                    var t = Median(ours);
                    var tp = Median(plain);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {Label(size)} | {writer} | {compression.ToString().ToLowerInvariant()} | {count} | {total / t:F0} | {count / t:N0} | {total / tp:F0} | {tp / t:F2} | {fileBytes / (total * (1 << 20)):F2} |"));
                }
            }
        }

        Directory.Delete(dir, recursive: true);
    }

    /// <summary>
    /// Bytes like recorded sensor data: a noisy random walk of 16-bit samples, neither all-zero nor
    /// repeating, so compressors see realistic (modest) redundancy.
    /// </summary>
    private static byte[] SensorLikeBytes(int length, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        double level = 0;
        for (var i = 0; i + 1 < length; i += 2)
        {
            level = Math.Clamp(level + random.NextDouble() * 200 - 100, short.MinValue, short.MaxValue);
            var sample = (short)(level + random.Next(-40, 40));
            bytes[i] = (byte)sample;
            bytes[i + 1] = (byte)(sample >> 8);
        }

        return bytes;
    }

    private static ReadOnlyMemory<byte>[] Payloads(byte[] pool, int size, int count)
    {
        var result = new ReadOnlyMemory<byte>[count];
        var offset = 0;
        for (var i = 0; i < count; i++)
        {
            if (offset + size > pool.Length)
            {
                offset = (offset + 7) % 4096; // wrap with a shift so payloads do not repeat exactly
            }

            var copy = pool.AsMemory(offset, size).ToArray();
            copy[0] = 0;
            copy[1] = 1; // CDR little-endian encapsulation header
            copy[2] = 0;
            copy[3] = 0;
            result[i] = copy;
            offset += size;
        }

        return result;
    }

    private static double Plain(string dir, ReadOnlyMemory<byte>[] payloads)
    {
        var path = Path.Combine(dir, "plain.bin");
        var sw = Stopwatch.StartNew();
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            foreach (var p in payloads)
            {
                stream.Write(p.Span);
            }
        }

        var seconds = sw.Elapsed.TotalSeconds;
        File.Delete(path);
        return seconds;
    }

    private static (double Seconds, long Bytes) Mcap(string dir, ReadOnlyMemory<byte>[] payloads, McapCompressionKind compression)
    {
        var path = Path.Combine(dir, "bench.mcap");
        var sw = Stopwatch.StartNew();
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new McapWriter(stream, McapWriterOptions.Default with { Compression = compression }))
        {
            var schema = writer.AddSchema("sensor_msgs/msg/CompressedImage", "ros2msg", "uint8[] data"u8);
            var channel = writer.AddChannel(schema, "/data", "cdr", new Dictionary<string, string> { ["offered_qos_profiles"] = "" });
            for (var i = 0; i < payloads.Length; i++)
            {
                var t = 1_000_000_000UL + (ulong)i * 1000;
                writer.WriteMessage(channel, (uint)i, t, t, payloads[i].Span);
            }
        }

        var seconds = sw.Elapsed.TotalSeconds;
        var bytes = new FileInfo(path).Length;
        File.Delete(path);
        return (seconds, bytes);
    }

    private static (double Seconds, long Bytes) Bag(string dir, ReadOnlyMemory<byte>[] payloads, McapCompressionKind compression)
    {
        var bagDir = Path.Combine(dir, "bag");
        var sw = Stopwatch.StartNew();
        using (var writer = BagWriter.Create(bagDir, BagWriterOptions.Default with { Mcap = McapWriterOptions.Default with { Compression = compression } }))
        {
            writer.CreateTopic(new BagTopic("/data", "std_msgs/msg/String"), new BagMessageDefinition("std_msgs/msg/String", "ros2msg", "string data"));
            for (var i = 0; i < payloads.Length; i++)
            {
                var t = 1_000_000_000L + i * 1000L;
                writer.Write(new BagMessage("/data", t, t, payloads[i]));
            }

            writer.Close();
        }

        var seconds = sw.Elapsed.TotalSeconds;
        var bytes = Directory.GetFiles(bagDir, "*.mcap").Sum(f => new FileInfo(f).Length);
        Directory.Delete(bagDir, recursive: true);
        return (seconds, bytes);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static string Label(int size) => size >= 1 << 20 ? $"{size >> 20} MiB" : size >= 1 << 10 ? $"{size >> 10} KiB" : $"{size} B";
}
