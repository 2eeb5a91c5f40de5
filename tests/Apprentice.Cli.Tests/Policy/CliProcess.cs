using System.Diagnostics;
using System.Text;
using Apprentice.Dds.Tests.Support;

namespace Apprentice.Cli.Tests.Policy;

/// <summary>
/// One <c>apprentice</c> CLI process (the built <c>apprentice.dll</c> beside the tests) on the test's
/// loopback DDS domain, with its output captured. Dispose stops it with SIGINT (as Ctrl-C), then kills it.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public CliProcess(string name, params string[] args)
    {
        Name = name;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.WorkingDirectory = Apprentice.Testing.RepoPaths.Root;
        psi.Environment["ROS_DOMAIN_ID"] = TestDomain.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["CYCLONEDDS_URI"] = TestDomain.LoopbackConfig;
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + name);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Sends SIGINT and waits for a clean exit; true when it exited in time.</summary>
    public bool Interrupt(TimeSpan wait)
    {
        if (_process.HasExited)
        {
            return true;
        }

        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        return _process.WaitForExit(wait);
    }

    public void Dispose()
    {
        if (!Interrupt(TimeSpan.FromSeconds(10)))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
