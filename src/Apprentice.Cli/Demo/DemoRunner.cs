using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Apprentice.Cli.Demo;

/// <summary>
/// Runs the demo: starts sim, policy node and recorder as child processes on a private loopback domain, runs the seeded
/// episodes through the sim's and the recorder's services, and stops every child (SIGINT, then kill) however it ends.
/// </summary>
internal sealed class DemoRunner
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private readonly DemoOptions _o;
    private readonly IAnsiConsole _console;
    private readonly List<ChildProcess> _children = [];
    private Action? _onPoll;

    public DemoRunner(DemoOptions options, IAnsiConsole console)
    {
        _o = options;
        _console = console;
    }

    public string BagDirectory => Path.Combine(_o.OutputDirectory, "bag");

    public string ReportDirectory => Path.Combine(_o.OutputDirectory, "report");

    public string LogDirectory => Path.Combine(_o.OutputDirectory, "logs");

    /// <summary>Runs every episode; throws <see cref="DemoException"/> when a node fails, <see cref="OperationCanceledException"/> on Ctrl-C.</summary>
    public IReadOnlyList<DemoEpisode> Run(CancellationToken cancel)
    {
        Directory.CreateDirectory(LogDirectory);
        var cyclone = "file://" + _o.Config("cyclonedds-loopback.xml");
        var env = new Dictionary<string, string>
        {
            ["ROS_DOMAIN_ID"] = _o.DomainId.ToString(CultureInfo.InvariantCulture),
            ["CYCLONEDDS_URI"] = cyclone,
        };
        using var exitGuard = new ExitGuard(_children);
        try
        {
            using var graph = new DemoGraph((uint)_o.DomainId, cyclone, policy: !_o.Expert);
            var started = Stopwatch.StartNew();
            _console.MarkupLineInterpolated($"[grey]starting sim, {(_o.Expert ? "scripted expert" : "policy node")} and recorder on ROS domain {_o.DomainId} (loopback only)…[/]");
            StartChildren(env);
            _console.MarkupLine(Markup.Escape("processes: " + string.Join(", ", _children.Select(c => $"{c.Name} (pid {c.Id})")) + "; logs in " + LogDirectory));
            WithStatus("waiting for the nodes", () => "waiting for " + graph.Missing(), () =>
                WaitUntil(() => graph.Ready, _o.StartupTimeout, cancel, () => "nodes not up after " + _o.StartupTimeout.TotalSeconds + " s; missing: " + graph.Missing()));
            _console.MarkupLineInterpolated($"[grey]nodes up after {started.Elapsed.TotalSeconds:F1} s; running {_o.Episodes} episodes (seed {_o.Seed})[/]");
            var episodes = new List<DemoEpisode>();
            for (var i = 0; i < _o.Episodes; i++)
            {
                episodes.Add(RunEpisode(graph, i, cancel));
                var e = episodes[^1];
                var verdict = e.Success ? "[green]success[/]" : "[red]failed[/]";
                _console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"  episode {i + 1}/{_o.Episodes}: {verdict} in {e.TimeSec:F2} s, {e.Ticks} policy ticks, {e.SafetyTicks} with a safety rule acting"));
            }

            graph.Collect(null);
            StopRecorder();
            return episodes;
        }
        finally
        {
            StopAll();
        }
    }

    private void StartChildren(Dictionary<string, string> env)
    {
        var sim = new List<string> { "sim", "--serve", "--seed", _o.Seed.ToString(CultureInfo.InvariantCulture) };
        if (_o.Camera)
        {
            sim.Add("--camera");
        }

        if (_o.Expert)
        {
            sim.Add("--expert");
            Start("sim", env, [.. sim]);
            Start("recorder", env, "record", "-o", BagDirectory, "-a");
            return;
        }

        Start("sim", env, [.. sim]);
        Start("policy", env, "policy", "--autostart", "--ros-args", "--params-file", _o.Config("policy_node.yaml"),
            "-p", "model.path:=" + _o.ModelPath,
            "-p", "robot.urdf_path:=" + _o.Config("robots", "panda.urdf"),
            "-p", "robot.joint_limits_path:=" + _o.Config("robots", "panda_joint_limits.yaml"));
        Start("recorder", env, "record", "-o", BagDirectory, "-a");
    }

    private void Start(string name, Dictionary<string, string> env, params string[] args)
    {
        try
        {
            _children.Add(ChildProcess.Start(name, Path.Combine(LogDirectory, name + ".log"), env, args));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            throw new DemoException($"could not start the {name} process: {e.Message}", e);
        }
    }

    private DemoEpisode RunEpisode(DemoGraph graph, int index, CancellationToken cancel)
    {
        var operatorName = "apprentice demo: " + _o.Driver;
        var start = graph.StartEpisode(_o.TaskText, operatorName, cancel);
        if (!start.Success)
        {
            throw new DemoException("recorder refused to start an episode: " + start.Message);
        }

        var stats = new EpisodeStats();
        graph.ClearResults();
        var reset = graph.ResetSim(_o.Seed, index, cancel);
        if (!reset.Success)
        {
            throw new DemoException("sim refused the reset: " + reset.Message);
        }

        graph.Collect(stats);
        Apprentice.Ros.Msgs.Apprentice.SimEpisodeResult? result = null;
        var label = $"episode {index + 1}/{_o.Episodes}";
        WithStatus(label, () => $"{label}: {stats.Ticks} policy ticks", () =>
            WaitUntil(() => (result = graph.TryTakeResult(_o.Seed, index)) is not null, _o.EpisodeTimeout, cancel, () => $"no result for episode {index} from the sim within {_o.EpisodeTimeout.TotalSeconds:F0} s"));
        graph.Collect(null);
        var stop = graph.StopEpisode(result!.Success, cancel);
        if (!stop.Success)
        {
            throw new DemoException("recorder refused to stop the episode: " + stop.Message);
        }

        var labelled = graph.LabelEpisode(stop.EpisodeIndex, _o.TaskText, operatorName, result.Success, cancel);
        if (!labelled.Success)
        {
            throw new DemoException("recorder refused the label: " + labelled.Message);
        }

        var s = stats.Snapshot();
        return new DemoEpisode(
            index, result.Success, result.Success ? result.TimeToSuccess : result.Duration, result.Collisions, result.MinClearance,
            s.Ticks, s.LatencyMs, s.SafetyTicks, s.RulesActing, s.DeadlineMisses, stop.EpisodeIndex);
    }

    /// <summary>Runs <paramref name="wait"/> under a spinner showing <paramref name="status"/> in a terminal; plainly otherwise.</summary>
    private void WithStatus(string initial, Func<string> status, Action wait)
    {
        if (!_console.Profile.Capabilities.Interactive)
        {
            wait();
            return;
        }

        _console.Status().Start(Markup.Escape(initial), ctx =>
        {
            _onPoll = () => ctx.Status(Markup.Escape(status()));
            try
            {
                wait();
            }
            finally
            {
                _onPoll = null;
            }
        });
    }

    private void WaitUntil(Func<bool> condition, TimeSpan timeout, CancellationToken cancel, Func<string> timeoutMessage)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            _onPoll?.Invoke();
            cancel.ThrowIfCancellationRequested();
            foreach (var c in _children.Where(c => c.HasExited))
            {
                // Ctrl-C in a terminal reaches the children too; their exit is then no failure.
                if (cancel.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(300)))
                {
                    throw new OperationCanceledException(cancel);
                }

                throw new DemoException($"the {c.Name} process exited with status {c.ExitCode}; its last output:\n{c.Tail}");
            }

            if (sw.Elapsed > timeout)
            {
                throw new DemoException(timeoutMessage() + "\n" + string.Join("\n", _children.Select(c => $"--- {c.Name}:\n{c.Tail}")));
            }

            Thread.Sleep(Poll);
        }
    }

    private void StopRecorder()
    {
        // The recorder first, so the bag is closed (summary, metadata.yaml) while nothing is torn down around it.
        var recorder = _children.Single(c => c.Name == "recorder");
        if (!recorder.Interrupt(TimeSpan.FromSeconds(20)) || recorder.ExitCode != 0)
        {
            throw new DemoException($"the recorder did not close the bag cleanly; its last output:\n{recorder.Tail}");
        }
    }

    private void StopAll()
    {
        foreach (var c in _children)
        {
            c.Dispose();
        }

        _children.Clear();
    }

    /// <summary>Kills the children if the demo process exits without running its finally blocks (e.g. SIGTERM during a wait).</summary>
    private sealed class ExitGuard : IDisposable
    {
        private readonly List<ChildProcess> _children;

        public ExitGuard(List<ChildProcess> children)
        {
            _children = children;
            AppDomain.CurrentDomain.ProcessExit += OnExit;
        }

        public void Dispose() => AppDomain.CurrentDomain.ProcessExit -= OnExit;

        private void OnExit(object? sender, EventArgs e)
        {
            foreach (var c in _children.ToArray())
            {
                c.Kill();
            }
        }
    }
}
