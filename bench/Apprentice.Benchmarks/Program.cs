using System.Diagnostics;
using Apprentice.Benchmarks.Safety;
using BenchmarkDotNet.Running;

// Entry point: `dotnet run -c Release --project bench/Apprentice.Benchmarks -- --filter '*'`.
// "latency" prints per-tick percentiles of the safety tick from a plain timestamp loop (quick, for
// notes); "bag-write" runs the bag write benchmark (Bag/BagWriteBench.cs); "dds [round-trips]
// [image-rounds] [cycles]" runs Apprentice <-> C echo peer versus C <-> C (Dds/DdsEchoBench.cs);
// anything else goes to BenchmarkDotNet (e.g. --filter '*SafetyTick*').
if (args.Length > 0 && args[0] == "bag-write")
{
    Apprentice.Benchmarks.Bag.BagWriteBench.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "dds")
{
    Environment.ExitCode = Apprentice.Benchmarks.Dds.DdsEchoBench.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "latency")
{
    var bench = new SafetyTickBenchmark();
    bench.Setup();
    var ticks = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
    for (var i = 0; i < 2_000; i++)
    {
        bench.Tick();
    }

    var samples = new double[ticks];
    var before = GC.GetAllocatedBytesForCurrentThread();
    for (var i = 0; i < ticks; i++)
    {
        var t0 = Stopwatch.GetTimestamp();
        bench.Tick();
        samples[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
    }

    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    Array.Sort(samples);
    Console.WriteLine($"SafetyController tick (Panda, 1080-point scan), {ticks} ticks: p50 {samples[ticks / 2]:F1} µs, p99 {samples[(int)(ticks * 0.99)]:F1} µs, max {samples[^1]:F1} µs, {allocated / (double)ticks:F1} B/tick");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SafetyTickBenchmark).Assembly).Run(args);
