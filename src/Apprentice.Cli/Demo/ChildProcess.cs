using System.Diagnostics;
using System.Globalization;

namespace Apprentice.Cli.Demo;

/// <summary>
/// One <c>apprentice</c> verb run as a child process on the demo's private ROS domain: output goes to a log file and
/// the last lines are kept for error messages. <see cref="Dispose"/> stops it with SIGTERM (a node's clean shutdown, as on Ctrl-C; SIGINT may be ignored in background children),
/// then kills its process tree if it does not exit in time, so no child outlives the demo.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private const int TailLines = 30;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly StreamWriter _log;
    private bool _closed;

    private ChildProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    /// <summary>The name shown in messages ("sim", "policy", "recorder").</summary>
    public string Name { get; }

    /// <summary>Process id.</summary>
    public int Id => _process.Id;

    /// <summary>The process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Exit status (only after <see cref="HasExited"/>).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines of its stdout and stderr.</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    /// <summary>Starts <c>apprentice <paramref name="args"/></c> (this very CLI) with <paramref name="environment"/> added.</summary>
    public static ChildProcess Start(string name, string logFile, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find the running executable to start child nodes");
        var psi = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.Ordinal))
        {
            psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }

        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + name);
        var child = new ChildProcess(name, process, log);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Sends SIGTERM and waits up to <paramref name="wait"/>; true when it exited.</summary>
    public bool Interrupt(TimeSpan wait)
    {
        if (_process.HasExited)
        {
            return true;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        return _process.WaitForExit(wait);
    }

    /// <summary>Kills the process tree at once (last resort, e.g. when the demo itself is terminated).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!Interrupt(TimeSpan.FromSeconds(10)))
        {
            Kill();
        }

        _process.WaitForExit();
        _process.Dispose();
        lock (_tail)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }

            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
