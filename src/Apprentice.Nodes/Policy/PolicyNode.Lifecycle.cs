using Apprentice.Core;
using Apprentice.Core.Policies.Card;
using Apprentice.Dds.Typed;
using Apprentice.Onnx.Runtime;
using Apprentice.Ros.Msgs.LifecycleMsgs;
using Apprentice.Safety.Limits;
using Apprentice.Safety.Model;

namespace Apprentice.Nodes.Policy;

/// <summary>The managed-node state machine (rclcpp_lifecycle's): configure, activate, deactivate, cleanup, shutdown.</summary>
public sealed partial class PolicyNode
{
    private readonly Publisher<TransitionEvent> _transitions;
    private readonly TransitionEvent _event = new();

    /// <summary>The current primary state.</summary>
    public LifecycleState State { get; private set; } = LifecycleState.Unconfigured;

    /// <summary>Why the last transition failed (null after a success).</summary>
    public string? LastError { get; private set; }

    /// <summary>Raised after each step of a transition (also published on <c>~/transition_event</c>).</summary>
    public event Action<TransitionStep>? Transitioned;

    /// <summary>Loads and warms up the model and builds inputs, loop, safety stage and output (unconfigured → inactive).</summary>
    public TransitionResult Configure() => Change(LifecycleTransition.Configure);

    /// <summary>Starts commanding (inactive → active); position outputs start from the measured position.</summary>
    public TransitionResult Activate() => Change(LifecycleTransition.Activate);

    /// <summary>Stops commanding (active → inactive).</summary>
    public TransitionResult Deactivate() => Change(LifecycleTransition.Deactivate);

    /// <summary>Releases the model and subscriptions (inactive → unconfigured).</summary>
    public TransitionResult Cleanup() => Change(LifecycleTransition.Cleanup);

    /// <summary>Shuts down from any primary state (→ finalized).</summary>
    public TransitionResult Shutdown() => Change(State switch
    {
        LifecycleState.Active => LifecycleTransition.ActiveShutdown,
        LifecycleState.Inactive => LifecycleTransition.InactiveShutdown,
        _ => LifecycleTransition.UnconfiguredShutdown,
    });

    /// <summary>Runs the transition with <paramref name="id"/> (or <paramref name="label"/> when not empty), as <c>~/change_state</c> does.</summary>
    public TransitionResult ChangeState(byte id, string? label = null)
    {
        LifecycleTransition? t;
        lock (_gate)
        {
            t = LifecycleTable.Find(State, id, label);
        }

        return t is { } found ? Change(found)
            : new TransitionResult(false, State, "transition " + id + (string.IsNullOrEmpty(label) ? string.Empty : " '" + label + "'") + " is not available in state " + LifecycleTable.Label(State) + ".");
    }

    private TransitionResult Change(LifecycleTransition t)
    {
        // The control thread is stopped outside the lock (its tick callback must not wait on it).
        if (t is LifecycleTransition.Deactivate or LifecycleTransition.ActiveShutdown)
        {
            lock (_gate)
            {
                StopRunner();
            }
        }

        lock (_gate)
        {
            if (!LifecycleTable.Available(State).Contains(t))
            {
                return new TransitionResult(false, State, LifecycleTable.Label(t) + " is not available in state " + LifecycleTable.Label(State) + ".");
            }

            var start = State;
            var middle = LifecycleTable.Intermediate(t);
            Step((byte)t, LifecycleTable.Label(t), start, middle);
            var error = Run(t);
            var goal = error is null ? Goal(t) : start;
            State = goal;
            LastError = error;
            var result = (byte)(((byte)Math.Min((int)t, 5) * 10) + (error is null ? 0 : 1));
            Step(result, error is null ? "transition_success" : "transition_failure", middle, goal);
            if (error is null && goal == LifecycleState.Active && _realtime)
            {
                StartRunner();
            }

            return new TransitionResult(error is null, goal, error ?? string.Empty);
        }
    }

    private static LifecycleState Goal(LifecycleTransition t) => t switch
    {
        LifecycleTransition.Configure or LifecycleTransition.Deactivate => LifecycleState.Inactive,
        LifecycleTransition.Cleanup => LifecycleState.Unconfigured,
        LifecycleTransition.Activate => LifecycleState.Active,
        _ => LifecycleState.Finalized,
    };

    private string? Run(LifecycleTransition t)
    {
        switch (t)
        {
            case LifecycleTransition.Configure:
                return OnConfigure();
            case LifecycleTransition.Activate:
                ResetRuntime(_runtime!);
                _runtime!.Stage.Enabled = Enabled;
                _log.Information("Policy node active: commanding {Topic}", Options.Output.Topic);
                return null;
            case LifecycleTransition.Deactivate:
                _intervention.Update(LastStatus.TickTime, false, _runtime?.Takeover?.Name ?? string.Empty);
                return null;
            default:
                StopRunner();
                _runtime?.Dispose();
                _runtime = null;
                return null;
        }
    }

    private string? OnConfigure()
    {
        try
        {
            _runtime = PolicyRuntimeBuilder.Build(Options, _transport, _time, _log);
            foreach (var w in _runtime.Warnings)
            {
                _log.Warning("Joint limits: {Warning}", w);
            }

            _log.Information(
                "Policy '{Model}' configured on {Provider}: {Rate:0.###} Hz, output {Kind} on {Topic}",
                Options.Model.Path, _runtime.Session.ExecutionProvider, 1 / _runtime.Loop.Options.Period.TotalSeconds, Options.Output.Kind, Options.Output.Topic);
            return null;
        }
        catch (Exception e) when (e is ConfigurationException or OnnxPolicyLoadException or PolicyCardException or LimitsConfigException
            or UrdfFormatException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            _log.Error("Configure failed: {Error}", e.Message);
            return e.Message;
        }
    }

    private void Step(byte id, string label, LifecycleState start, LifecycleState goal)
    {
        _event.Timestamp = (ulong)Math.Max(0, (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100);
        _event.Transition.Id = id;
        _event.Transition.Label = label;
        _event.StartState.Id = (byte)start;
        _event.StartState.Label = LifecycleTable.Label(start);
        _event.GoalState.Id = (byte)goal;
        _event.GoalState.Label = LifecycleTable.Label(goal);
        _transitions.Publish(_event);
        Transitioned?.Invoke(new TransitionStep(id, label, start, goal));
    }
}
