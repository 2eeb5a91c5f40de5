using System.Diagnostics;
using Apprentice.Dds.Memory;
using Apprentice.Dds.Transport;
using Apprentice.Dds.Typed;
using Apprentice.Nodes.Evaluation;
using Apprentice.Nodes.Policy;
using Apprentice.Nodes.Recorder;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Qos;
using Apprentice.Ros.Registry;
using Apprentice.Sim;
using Apprentice.Sim.Expert;
using Apprentice.Sim.Nodes;
using Apprentice.Sim.Perturbations;
using Apprentice.Sim.Tasks;
using Serilog;

namespace Apprentice.Nodes.Pipeline;

/// <summary>
/// The closed loop in one process, deterministic for a seed: the sim node, the policy node (or the scripted expert node),
/// optionally a supervising expert (DAgger) and the recorder node share one manual-dispatch <see cref="InMemoryBus"/>
/// and the sim's <see cref="SimClock"/>. Each control tick: controller tick → drain → sim step by one period → drain.
/// Nothing runs on a timer (the recorder is not started, discovery is called once), so the same episodes give the same
/// command sequence. Not thread-safe: one thread runs episodes.
/// </summary>
public sealed class LockstepHarness : IDisposable
{
    private readonly ReachSimulation _sim;
    private readonly LockstepOptions _options;
    private readonly InMemoryBus _bus = new();
    private readonly List<IDisposable> _owned = [];
    private readonly SimNode _simNode;
    private readonly PolicyNode? _policy;
    private readonly ScriptedExpert _expert;
    private readonly ExpertNode? _expertNode;
    private readonly Supervisor? _supervisor;
    private readonly RecorderNode? _recorder;
    private readonly List<double[]> _commands = [];
    private readonly ForwardingClock _transportClock = new();

    /// <summary>Builds the rig and configures/activates the policy node.</summary>
    /// <param name="simulation">The loaded simulation (not disposed by the harness).</param>
    /// <param name="expert">The scripted expert (demonstrator or supervisor).</param>
    /// <param name="options">Which nodes and how.</param>
    /// <param name="definitions">Message definitions for the recorder (needed when recording).</param>
    /// <param name="log">Logger.</param>
    /// <exception cref="InvalidOperationException">The policy node failed to configure or activate (the message names why).</exception>
    public LockstepHarness(ReachSimulation simulation, ScriptedExpert expert, LockstepOptions options, IMessageDefinitionProvider? definitions, ILogger log)
    {
        _sim = simulation ?? throw new ArgumentNullException(nameof(simulation));
        _expert = expert ?? throw new ArgumentNullException(nameof(expert));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validated();
        ArgumentNullException.ThrowIfNull(log);
        _simNode = Own(new SimNode(Transport("sim"), simulation, camera: false, log));
        _transportClock.Target = _simNode.Clock;
        var harness = Transport("eval_harness");
        Own(harness.CreateSubscription<Float64MultiArray>(SimTopics.VelocityCommands, QosProfiles.Default, (m, _) => _commands.Add([.. m.Data])));
        if (_options.Driver == Driver.Expert)
        {
            _expertNode = Own(new ExpertNode(Transport("expert"), expert, Clock));
        }
        else
        {
            _policy = Own(new PolicyNode(Transport("policy_node"), _options.Policy!, Clock, log));
            if (!_policy.Configure().Success || !_policy.Activate().Success)
            {
                throw new InvalidOperationException($"Lockstep: the policy node did not start: {_policy.LastError}");
            }

            if (_options.Driver == Driver.PolicySupervised)
            {
                _supervisor = new Supervisor(Own(harness.CreatePublisher<Float64MultiArray>(_options.Policy!.Takeover.Input.Topic, QosProfiles.Default)), _options.Gate);
            }
        }

        if (_options.Recording is { } recording)
        {
            _recorder = Own(new RecorderNode(Transport("recorder"), definitions ?? throw new ArgumentNullException(nameof(definitions)), recording, Clock, log));
            _recorder.Discover();
        }

        _bus.Drain();
    }

    /// <summary>Sim time, the clock of every node in the rig.</summary>
    public SimClock Clock => _simNode.Clock;

    /// <summary>The recorder's bag directory (null when not recording).</summary>
    public string? BagDirectory => _recorder?.BagDirectory;

    /// <summary>
    /// Runs <paramref name="episode"/> to its outcome (success or time-out) and returns what happened, labelled
    /// <paramref name="method"/> and <paramref name="perturbationLabel"/> (null = nominal).
    /// </summary>
    public LockstepRun RunEpisode(ReachEpisode episode, string method, PerturbationSchedule? perturbations = null, string? perturbationLabel = null)
    {
        ArgumentNullException.ThrowIfNull(episode);
        _simNode.Reset(episode, perturbations);
        _expert.Reset();
        _policy?.Reset();
        _supervisor?.Reset();
        _commands.Clear();
        _recorder?.StartEpisode(_options.TaskLabel, _options.Driver == Driver.Expert ? "scripted_expert" : method);
        _bus.Drain();
        var trace = new EpisodeTrace(_options.WallBudget);
        var q = new double[7];
        while (_sim.Outcome == ReachOutcome.Running)
        {
            if (_policy is not null)
            {
                var started = Stopwatch.GetTimestamp();
                var status = _policy.Tick();
                trace.Tick(Stopwatch.GetElapsedTime(started), status);
            }
            else
            {
                _expertNode!.Tick();
                trace.Tick(TimeSpan.Zero, null);
            }

            _bus.Drain();
            if (_supervisor is not null && _commands.Count > 0)
            {
                _sim.GetJointPositions(q);
                if (_supervisor.Watch(_sim.EpisodeTime, q, _sim.Target, _sim.Tcp, _commands[^1], _expert, _policy!.Intervening))
                {
                    _bus.Drain();
                }
            }

            _simNode.Step(_options.ControlPeriod);
            _bus.Drain();
            trace.Clearance(_sim.EpisodeTime, _sim.MinClearanceM);
        }

        var result = Sim.Tasks.EpisodeResult.From(_sim);
        _recorder?.StopEpisode(result.Outcome == ReachOutcome.Succeeded);
        _bus.Drain();
        var outcome = trace.Outcome(method, episode.Seed, result, perturbationLabel);
        return new LockstepRun(outcome, [.. _commands], _supervisor?.Labels ?? 0);
    }

    /// <summary>Closes the bag (if recording) and disposes every node.</summary>
    public void Dispose()
    {
        _recorder?.Close();
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
    }

    private InMemoryTransport Transport(string node) =>
        Own(new InMemoryTransport(_bus, node, "/", _transportClock, Serilog.Core.Logger.None, manualDispatch: true));

    private T Own<T>(T item)
        where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }
}
