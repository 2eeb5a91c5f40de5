namespace Apprentice.Nodes.Policy;

/// <summary>States of a managed node, with the ids of <c>lifecycle_msgs/msg/State</c>.</summary>
public enum LifecycleState : byte
{
    /// <summary>Unknown (registered by rcl_lifecycle; never taken).</summary>
    Unknown = 0,

    /// <summary>Not configured (no model loaded).</summary>
    Unconfigured = 1,

    /// <summary>Configured; nothing is commanded.</summary>
    Inactive = 2,

    /// <summary>Commanding.</summary>
    Active = 3,

    /// <summary>Shut down; only destruction remains.</summary>
    Finalized = 4,

    /// <summary>Transition state: configuring.</summary>
    Configuring = 10,

    /// <summary>Transition state: cleaning up.</summary>
    CleaningUp = 11,

    /// <summary>Transition state: shutting down.</summary>
    ShuttingDown = 12,

    /// <summary>Transition state: activating.</summary>
    Activating = 13,

    /// <summary>Transition state: deactivating.</summary>
    Deactivating = 14,

    /// <summary>Transition state: processing an error.</summary>
    ErrorProcessing = 15,
}

/// <summary>A lifecycle transition request, by its <c>lifecycle_msgs/msg/Transition</c> id.</summary>
public enum LifecycleTransition : byte
{
    /// <summary>unconfigured → inactive.</summary>
    Configure = 1,

    /// <summary>inactive → unconfigured.</summary>
    Cleanup = 2,

    /// <summary>inactive → active.</summary>
    Activate = 3,

    /// <summary>active → inactive.</summary>
    Deactivate = 4,

    /// <summary>unconfigured → finalized.</summary>
    UnconfiguredShutdown = 5,

    /// <summary>inactive → finalized.</summary>
    InactiveShutdown = 6,

    /// <summary>active → finalized.</summary>
    ActiveShutdown = 7,
}

/// <summary>The outcome of a transition.</summary>
/// <param name="Success">Whether the goal state was reached.</param>
/// <param name="State">The state after the attempt.</param>
/// <param name="Message">Why it failed (empty on success).</param>
public readonly record struct TransitionResult(bool Success, LifecycleState State, string Message);

/// <summary>One step the node took, as <c>~/transition_event</c> reports it.</summary>
/// <param name="TransitionId">Transition id (a request id, or 10/11/… for callback results).</param>
/// <param name="TransitionLabel">Its label as rcl_lifecycle names it.</param>
/// <param name="Start">State before.</param>
/// <param name="Goal">State after.</param>
public readonly record struct TransitionStep(byte TransitionId, string TransitionLabel, LifecycleState Start, LifecycleState Goal);

/// <summary>The rcl_lifecycle default state machine: labels, and which transitions each state allows.</summary>
public static class LifecycleTable
{
    /// <summary>Every state rcl_lifecycle registers, in id order.</summary>
    public static IReadOnlyList<LifecycleState> States { get; } = Enum.GetValues<LifecycleState>();

    /// <summary>The state's label (<c>unconfigured</c>, <c>configuring</c>, …).</summary>
    public static string Label(LifecycleState state) => state switch
    {
        LifecycleState.Unconfigured => "unconfigured",
        LifecycleState.Inactive => "inactive",
        LifecycleState.Active => "active",
        LifecycleState.Finalized => "finalized",
        LifecycleState.Configuring => "configuring",
        LifecycleState.CleaningUp => "cleaningup",
        LifecycleState.ShuttingDown => "shuttingdown",
        LifecycleState.Activating => "activating",
        LifecycleState.Deactivating => "deactivating",
        LifecycleState.ErrorProcessing => "errorprocessing",
        _ => "unknown",
    };

    /// <summary>The transition's label (<c>configure</c>, …, <c>shutdown</c>).</summary>
    public static string Label(LifecycleTransition t) => t switch
    {
        LifecycleTransition.Configure => "configure",
        LifecycleTransition.Cleanup => "cleanup",
        LifecycleTransition.Activate => "activate",
        LifecycleTransition.Deactivate => "deactivate",
        _ => "shutdown",
    };

    /// <summary>Transitions available from <paramref name="state"/>.</summary>
    public static IReadOnlyList<LifecycleTransition> Available(LifecycleState state) => state switch
    {
        LifecycleState.Unconfigured => [LifecycleTransition.Configure, LifecycleTransition.UnconfiguredShutdown],
        LifecycleState.Inactive => [LifecycleTransition.Cleanup, LifecycleTransition.Activate, LifecycleTransition.InactiveShutdown],
        LifecycleState.Active => [LifecycleTransition.Deactivate, LifecycleTransition.ActiveShutdown],
        _ => [],
    };

    /// <summary>The transition state a transition passes through.</summary>
    public static LifecycleState Intermediate(LifecycleTransition t) => t switch
    {
        LifecycleTransition.Configure => LifecycleState.Configuring,
        LifecycleTransition.Cleanup => LifecycleState.CleaningUp,
        LifecycleTransition.Activate => LifecycleState.Activating,
        LifecycleTransition.Deactivate => LifecycleState.Deactivating,
        _ => LifecycleState.ShuttingDown,
    };

    /// <summary>Finds the transition from <paramref name="state"/> by id, or by label when the label is not empty (as rclcpp does).</summary>
    public static LifecycleTransition? Find(LifecycleState state, byte id, string? label)
    {
        foreach (var t in Available(state))
        {
            if (string.IsNullOrEmpty(label) ? (byte)t == id : Label(t) == label)
            {
                return t;
            }
        }

        return null;
    }
}
