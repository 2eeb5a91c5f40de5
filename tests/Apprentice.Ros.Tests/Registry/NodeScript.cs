using System.Diagnostics;

namespace Apprentice.Ros.Tests.Registry;

/// <summary>Runs a node script from <c>tests/interop</c> and captures its output.</summary>
internal static class NodeScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The folder holding the pinned npm validators and the scripts.</summary>
    public static string InteropFolder => Apprentice.Testing.RepoPaths.Path("tests", "interop");

    /// <summary>
    /// Runs <c>node script args...</c> in <see cref="InteropFolder"/> and returns its standard
    /// output. Fails the test with a message saying what to install when node or the validators
    /// are missing, and with the script's error output when it exits non-zero.
    /// </summary>
    public static string Run(string script, params string[] args)
    {
        var folder = InteropFolder;
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@foxglove", "rosmsg-msgs-common")))
        {
            Assert.Fail($"npm validators are not installed in {folder}; run `cd tests/interop && npm ci` (.ci/setup does it).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"`node` was not found on PATH ({ex.Message}); install Node.js 20 or later.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"node {script} did not finish within {Timeout.TotalSeconds} s.");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Assert.Fail($"node {script} exited with {process.ExitCode}:\n{stderr.Result}");
            }

            return stdout.Result;
        }
    }
}
