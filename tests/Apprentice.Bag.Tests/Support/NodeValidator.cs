using System.Diagnostics;
using Apprentice.Testing;

namespace Apprentice.Bag.Tests.Support;

/// <summary>Runs tests/interop/validate-mcap.mjs (the independent @mcap/core-based validator).</summary>
internal static class NodeValidator
{
    public static (int ExitCode, string Output) Run(params string[] files)
    {
        var dir = RepoPaths.Path("tests", "interop");
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "@mcap", "core")))
        {
            Assert.Inconclusive("tests/interop/node_modules missing: run `cd tests/interop && npm ci` (.ci/setup does).");
        }

        var psi = new ProcessStartInfo("node") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("validate-mcap.mjs");
        foreach (var f in files)
        {
            psi.ArgumentList.Add(f);
        }

        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(true);
            Assert.Fail("validator timed out");
        }

        return (p.ExitCode, stdout + stderr.Result);
    }
}
