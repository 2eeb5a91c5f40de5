using System.Diagnostics;
using Apprentice.Testing;

namespace Apprentice.Dds.Tests.Interop;

/// <summary>Builds (once per run) and starts the idlc-based C peer from tests/interop/cyclone_peer.</summary>
internal static class CyclonePeer
{
    private static readonly Lazy<string> Executable = new(Build);

    public static string Path => Executable.Value;

    public static Process Start(uint domain, string configUri, string type, string inTopic, string outTopic, int count) =>
        Launch(Path, domain.ToString(System.Globalization.CultureInfo.InvariantCulture), configUri, type, inTopic, outTopic, count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Starts qos_peer: publishes <paramref name="count"/> JointStates with the QoS, then holds its writer until stdin closes.</summary>
    public static Process StartQosPublisher(uint domain, string configUri, string ddsTopic, bool reliable, bool transientLocal, int depth, int count) =>
        Launch(
            System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "qos_peer"),
            domain.ToString(System.Globalization.CultureInfo.InvariantCulture),
            configUri,
            ddsTopic,
            reliable ? "reliable" : "best_effort",
            transientLocal ? "transient_local" : "volatile",
            depth.ToString(System.Globalization.CultureInfo.InvariantCulture),
            count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Process Launch(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("could not start " + exe);
    }

    private static string Build()
    {
        var src = RepoPaths.Path("tests", "interop", "cyclone_peer");
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "apprentice-cyclone-peer-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(src))
        {
            File.Copy(f, System.IO.Path.Combine(dir, System.IO.Path.GetFileName(f)), overwrite: true);
        }

        ProcessRunner.Run("cmake", "-S", dir, "-B", System.IO.Path.Combine(dir, "build"), "-DCMAKE_BUILD_TYPE=Release");
        ProcessRunner.Run("cmake", "--build", System.IO.Path.Combine(dir, "build"));
        return System.IO.Path.Combine(dir, "build", "peer");
    }
}
