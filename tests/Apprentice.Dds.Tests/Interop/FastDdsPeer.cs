using System.Diagnostics;
using Apprentice.Testing;

namespace Apprentice.Dds.Tests.Interop;

/// <summary>Builds (once per run) and starts the Fast DDS 2.9 peer from tests/interop/fastdds_peer.</summary>
internal static class FastDdsPeer
{
    private static readonly Lazy<string> Executable = new(Build);

    public static Process Start(uint domain, string type, string inTopic, string outTopic, int count)
    {
        var psi = new ProcessStartInfo(Executable.Value) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in new[] { domain.ToString(System.Globalization.CultureInfo.InvariantCulture), type, inTopic, outTopic, count.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("could not start the Fast DDS peer");
    }

    private static string Build()
    {
        var dir = Path.Combine(Path.GetTempPath(), "apprentice-fastdds-peer-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(RepoPaths.Path("tests", "interop", "fastdds_peer")))
        {
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)), overwrite: true);
        }

        File.Copy(RepoPaths.Path("tests", "interop", "cyclone_peer", "ros_msgs.idl"), Path.Combine(dir, "ros_msgs.idl"), overwrite: true);
        ProcessRunner.Run("cmake", "-S", dir, "-B", Path.Combine(dir, "build"), "-DCMAKE_BUILD_TYPE=Release");
        ProcessRunner.Run("cmake", "--build", Path.Combine(dir, "build"));
        return Path.Combine(dir, "build", "fastdds_peer");
    }
}
