using Apprentice.Core.Control;
using Apprentice.Core.Status;
using Apprentice.Core.Time;
using Apprentice.Dds.Transport;
using Apprentice.Dds.Typed;
using Serilog;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// The policy node (<c>apprentice_policy</c>): a managed ROS node over any <see cref="ITransport"/>
/// that runs a learned policy behind the safety stage, in the style of MoveIt Servo — a thin
/// wrapper over the library. Configure loads and warms up the model and builds everything;
/// nothing is commanded unless the node is active. Publishes <c>~/status</c> every tick,
/// <c>/diagnostics</c> and the takeover interventions on <c>/apprentice/intervention</c>.
/// </summary>
/// <remarks>
/// Two ways to run it: <see cref="Tick()"/> / <see cref="Tick(TimeSpan)"/> by the caller (lockstep
/// with a simulation), or <see cref="Start"/> for its own control thread at the control rate
/// while active. Lifecycle methods and <see cref="Tick()"/> are serialised by a lock; they may be
/// called from any thread. The tick is allocation-free apart from the diagnostics (once per
/// diagnostics period).
/// </remarks>
public sealed partial class PolicyNode : IDisposable
{
    private readonly ITransport _transport;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private readonly PolicyStatusPublisher _status;
    private readonly PolicyDiagnosticsPublisher _diagnostics;
    private readonly InterventionPublisher _intervention;
    private PolicyRuntime? _runtime;
    private ControlLoopRunner? _runner;
    private bool _realtime;
    private bool _enabled = true;

    /// <summary>Creates the node in the unconfigured state (status, diagnostics and lifecycle publishers exist from here on).</summary>
    /// <param name="transport">The node's transport (its name and namespace resolve <c>~/</c> topics).</param>
    /// <param name="options">Validated options (<see cref="PolicyParameters.Bind"/>).</param>
    /// <param name="time">The node clock: wall, ROS sim time or fake time.</param>
    /// <param name="log">Logger.</param>
    public PolicyNode(ITransport transport, PolicyNodeOptions options, TimeProvider time, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        (_transport, Options, _time, _log) = (transport, options, time, log);
        _status = new PolicyStatusPublisher(transport, time);
        _diagnostics = new PolicyDiagnosticsPublisher(transport, time, options.DiagnosticsPeriod);
        _intervention = new InterventionPublisher(transport, time, options.DiagnosticsPeriod);
        _transitions = transport.CreatePublisher<Ros.Msgs.LifecycleMsgs.TransitionEvent>("~/transition_event", Ros.Qos.QosProfiles.Default);
    }

    /// <summary>The options in force.</summary>
    public PolicyNodeOptions Options { get; }

    /// <summary>The control period (known after configure; null before).</summary>
    public TimeSpan? Period => _runtime?.Loop.Options.Period;

    /// <summary>Status of the last tick (default before the first).</summary>
    public PolicyStatusSnapshot LastStatus { get; private set; }

    /// <summary>Whether the last tick was driven by the human takeover command.</summary>
    public bool Intervening => _runtime?.Stage.Intervening ?? false;

    /// <summary>Whether the policy may command (<c>~/enable</c>); when false the robot halts smoothly.</summary>
    public bool Enabled => Volatile.Read(ref _enabled);

    /// <summary>Counters of the control loop (null before configure).</summary>
    public ControlCounters? Counters => _runtime?.Loop.Counters;

    /// <summary>Execution provider that runs the model (null before configure).</summary>
    public string? ExecutionProvider => _runtime?.Session.ExecutionProvider;

    /// <summary>Counters of every configured input, takeover included (empty before configure).</summary>
    public IReadOnlyList<InputStats> InputStats =>
        _runtime is { } r ? [.. r.Inputs.Stats, .. r.Takeover is null ? Array.Empty<InputStats>() : [r.Takeover.Stats]] : [];

    /// <summary>Runs one control tick at the node clock's monotonic now (lockstep). See <see cref="Tick(TimeSpan)"/>.</summary>
    public PolicyStatusSnapshot? Tick() => Tick(MonotonicTime.Now(_time));

    /// <summary>
    /// Runs one control tick at monotonic time <paramref name="now"/> (same time base as
    /// <see cref="MonotonicTime.Now"/> of the node clock) when active: snapshot, inference, safety
    /// stage, command, status, interventions and (when due) diagnostics. Returns null and commands
    /// nothing when not active. Call it once per <see cref="Period"/>.
    /// </summary>
    public PolicyStatusSnapshot? Tick(TimeSpan now)
    {
        lock (_gate)
        {
            if (State != LifecycleState.Active || _runtime is null || _runner is not null)
            {
                return null;
            }

            var status = _runtime.Loop.Update(now, _runtime.Loop.Options.Period);
            return AfterTick(status);
        }
    }

    /// <summary>Runs the control loop on its own thread at the control rate whenever the node is active (until <see cref="Stop"/>).</summary>
    public void Start()
    {
        lock (_gate)
        {
            _realtime = true;
            if (State == LifecycleState.Active)
            {
                StartRunner();
            }
        }
    }

    /// <summary>Stops the control thread (the node stays in its lifecycle state).</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _realtime = false;
            StopRunner();
        }
    }

    /// <summary>Enables or disables the policy (<c>~/enable</c>); disabled, the command target is zero and the robot halts smoothly.</summary>
    public void SetEnabled(bool enabled)
    {
        Volatile.Write(ref _enabled, enabled);
        if (_runtime is { } r)
        {
            r.Stage.Enabled = enabled;
        }

        _log.Information("Policy {State}", enabled ? "enabled" : "disabled");
    }

    /// <summary>Forgets histories, chunks, motion memory, the takeover command and the planner goal (<c>~/reset</c>); the position output restarts from the measured position.</summary>
    public bool Reset()
    {
        lock (_gate)
        {
            if (_runtime is not { } r)
            {
                return false;
            }

            var wasRunning = _runner is not null;
            StopRunner();
            ResetRuntime(r);
            if (wasRunning)
            {
                StartRunner();
            }

            return true;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            StopRunner();
            _runtime?.Dispose();
            _runtime = null;
            _status.Dispose();
            _diagnostics.Dispose();
            _intervention.Dispose();
            _transitions.Dispose();
        }
    }

    private PolicyStatusSnapshot AfterTick(PolicyStatusSnapshot status)
    {
        var r = _runtime!;
        var human = r.Stage.Intervening;
        if (human)
        {
            status = status with { Source = CommandSource.Human, Intervention = true, Alpha = 0 };
        }

        LastStatus = status;
        var now = status.TickTime;
        _status.Publish(status, r, Enabled);
        _intervention.Update(now, human, r.Takeover?.Name ?? string.Empty);
        _diagnostics.MaybePublish(now, this, r);
        return status;
    }

    private void StartRunner()
    {
        if (_runner is null && _runtime is { } r)
        {
            _runner = new ControlLoopRunner(r.Loop, _time, s => AfterTick(s));
            _runner.Start();
        }
    }

    private void StopRunner()
    {
        _runner?.Dispose();
        _runner = null;
    }

    private void ResetRuntime(PolicyRuntime r)
    {
        r.Loop.Reset();
        r.Stage.Reset();
        r.Output.Activate();
    }
}
