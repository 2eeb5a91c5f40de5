using System.Diagnostics;
using System.Globalization;

namespace Apprentice.Benchmarks.Dds;

/// <summary>
/// <c>Apprentice.Benchmarks dds</c>: round-trip latency of a small JointState and echo throughput
/// of 1 MiB Images against the idlc C echo peer, driven by Apprentice (C#) and by a C driver with
/// the same QoS, in one run (an unrecorded C# warm-up pass, then cycles of C, C#, C#, C runs so drift hits both sides alike).
/// </summary>
internal static class DdsEchoBench
{
    public static int Run(string[] args)
    {
        var latencyCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var cycles = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
        const int Warm = 200, ImageWarm = 10, PerRound = 100, Window = 8, Bytes = 1 << 20;
        // Overrides for machines without the repository or Cyclone's headers: a folder with the
        // prebuilt peer and driver, and the Cyclone configuration URI.
        var bin = Environment.GetEnvironmentVariable("APPRENTICE_DDS_BENCH_BIN") ?? BuildNative(RepoRoot());
        var config = Environment.GetEnvironmentVariable("APPRENTICE_DDS_BENCH_CONFIG")
            ?? "file://" + Path.Combine(RepoRoot(), "bench", "Apprentice.Benchmarks", "Dds", "cyclonedds-bench.xml");
        var domain = (uint)Random.Shared.Next(100, 201);

        // "warm-up" is an unrecorded C# pass so the JIT reaches its optimised tier before measuring.
        var lat = new Dictionary<string, List<double>> { ["C"] = [], ["C#"] = [], ["warm-up"] = [] };
        var thr = new Dictionary<string, List<double>> { ["C"] = [], ["C#"] = [], ["warm-up"] = [] };
        var run = 0;
        foreach (var side in new[] { "warm-up" }.Concat(Enumerable.Repeat(new[] { "C", "C#", "C#", "C" }, cycles).SelectMany(c => c)))
        {
            run++;
            var (ping, pong) = ($"/bench_ping_{Environment.ProcessId}_{run}", $"/bench_pong_{Environment.ProcessId}_{run}");
            using (var peer = Peer(bin, domain, config, "JointState", ping, pong, Warm + latencyCount))
            {
                lat[side].AddRange(side == "C"
                    ? Lines(bin, "driver", "RTT_US", domain, config, "latency", "rt" + ping, "rt" + pong, Warm, latencyCount)
                    : CSharpDriver.Latency(domain, config, ping, pong, Warm, latencyCount));
                peer.WaitForExit(10_000);
            }

            (ping, pong) = ($"/bench_img_{Environment.ProcessId}_{run}", $"/bench_imgback_{Environment.ProcessId}_{run}");
            using (var peer = Peer(bin, domain, config, "Image", ping, pong, ImageWarm + (rounds * PerRound)))
            {
                double[] secs = side == "C"
                    ? [.. Lines(bin, "driver", "ROUND_S", domain, config, "throughput", "rt" + ping, "rt" + pong, ImageWarm, rounds, PerRound, Window, Bytes)]
                    : CSharpDriver.Throughput(domain, config, ping, pong, ImageWarm, rounds, PerRound, Window, Bytes);
                thr[side].AddRange(secs.Select(s => PerRound * (double)Bytes / s / 1e6));
                peer.WaitForExit(10_000);
            }

            Console.WriteLine($"run {run} ({side}): RTT median {Median(lat[side]):F1} µs, throughput median {Median(thr[side]):F1} MB/s");
        }

        var (lc, ls) = (Median(lat["C"]), Median(lat["C#"]));
        var (tc, ts) = (Median(thr["C"]), Median(thr["C#"]));
        Console.WriteLine();
        Console.WriteLine($"DDS echo benchmark, {Environment.ProcessorCount} CPUs, {config}, reliable keep-last 100, peer = idlc C echo");
        Console.WriteLine($"  small JointState RTT median   C<->C {lc,8:F1} µs   C#<->C {ls,8:F1} µs   ratio {ls / lc:F3} (goal <= 1.1)   [p90 C {P(lat["C"], 0.9):F1} / C# {P(lat["C#"], 0.9):F1}; n={lat["C"].Count}/{lat["C#"].Count}]");
        Console.WriteLine($"  1 MiB Image echo throughput   C<->C {tc,8:F1} MB/s C#<->C {ts,8:F1} MB/s ratio {ts / tc:F3} (goal >= 0.9)  [rounds of {PerRound}, window {Window}; n={thr["C"].Count}/{thr["C#"].Count}]");
        return 0;
    }

    private static double Median(List<double> v) => P(v, 0.5);

    private static double P(List<double> v, double q)
    {
        var s = v.Order().ToArray();
        return s.Length == 0 ? double.NaN : s[Math.Min(s.Length - 1, (int)(q * s.Length))];
    }

    private static Process Peer(string bin, uint domain, string config, string type, string ping, string pong, int count)
    {
        var psi = new ProcessStartInfo(Path.Combine(bin, "peer")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { domain.ToString(CultureInfo.InvariantCulture), config, type, "rt" + ping, "rt" + pong, count.ToString(CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(a);
        }

        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static List<double> Lines(string bin, string exe, string tag, params object[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(bin, exe)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(Convert.ToString(a, CultureInfo.InvariantCulture)!);
        }

        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var values = new List<double>();
        while (p.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                values.Add(double.Parse(line[(tag.Length + 1)..], CultureInfo.InvariantCulture));
            }
        }

        p.WaitForExit();
        return p.ExitCode == 0 ? values : throw new InvalidOperationException($"{exe} failed ({p.ExitCode}): {err.Result}");
    }

    private static string BuildNative(string root)
    {
        var build = Path.Combine(Path.GetTempPath(), "apprentice-dds-bench-" + Environment.ProcessId);
        Exec("cmake", "-S", Path.Combine(root, "bench", "Apprentice.Benchmarks", "Dds", "native"), "-B", build, "-DCMAKE_BUILD_TYPE=Release");
        Exec("cmake", "--build", build);
        return build;
    }

    private static void Exec(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{exe} {string.Join(' ', args)} failed: {err.Result}");
        }
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Apprentice.sln")))
            {
                return d.FullName;
            }
        }

        throw new DirectoryNotFoundException("Apprentice.sln not found above " + AppContext.BaseDirectory);
    }
}
