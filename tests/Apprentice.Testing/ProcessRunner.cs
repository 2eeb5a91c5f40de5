using System.Diagnostics;

namespace Apprentice.Testing;

/// <summary>Runs a helper tool (cmake, a compiler) to completion for a test fixture.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="exe"/> with <paramref name="args"/>; a non-zero exit throws with both output streams.</summary>
    /// <exception cref="InvalidOperationException">The tool failed.</exception>
    public static void Run(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{exe} {string.Join(' ', args)} failed ({p.ExitCode}):\n{stdout.Result}\n{stderr}");
        }
    }
}
