using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Services;
using Apprentice.Ros.Msgs.LifecycleMsgs;
using Apprentice.Ros.Msgs.StdSrvs;
using Apprentice.Ros.Qos;
using StateMsg = Apprentice.Ros.Msgs.LifecycleMsgs.State;
using TransitionMsg = Apprentice.Ros.Msgs.LifecycleMsgs.Transition;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// The policy node's services on a DDS node, as rclcpp_lifecycle and the issue name them:
/// <c>~/change_state</c>, <c>~/get_state</c>, <c>~/get_available_states</c>,
/// <c>~/get_available_transitions</c> (lifecycle_msgs), <c>~/enable</c> (std_srvs/SetBool) and
/// <c>~/reset</c> (std_srvs/Trigger). Handlers run on the node's receive thread. Dispose to remove them.
/// </summary>
public sealed class PolicyNodeServices : IDisposable
{
    private readonly List<DdsServiceServer> _servers;

    /// <summary>Serves <paramref name="policy"/> on <paramref name="node"/>.</summary>
    public PolicyNodeServices(DdsNode node, PolicyNode policy)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(policy);
        var q = QosProfiles.Services;
        _servers =
        [
            node.CreateService<ChangeStateService, ChangeStateRequest, ChangeStateResponse>("~/change_state", q, r =>
                new() { Success = policy.ChangeState(r.Transition.Id, r.Transition.Label).Success }),
            node.CreateService<GetStateService, GetStateRequest, GetStateResponse>("~/get_state", q, _ =>
                new() { CurrentState = State(policy.State) }),
            node.CreateService<GetAvailableStatesService, GetAvailableStatesRequest, GetAvailableStatesResponse>("~/get_available_states", q, _ =>
                new() { AvailableStates = [.. LifecycleTable.States.Select(State)] }),
            node.CreateService<GetAvailableTransitionsService, GetAvailableTransitionsRequest, GetAvailableTransitionsResponse>("~/get_available_transitions", q, _ =>
                new() { AvailableTransitions = [.. Transitions(policy.State)] }),
            node.CreateService<SetBoolService, SetBoolRequest, SetBoolResponse>("~/enable", q, r =>
            {
                policy.SetEnabled(r.Data);
                return new() { Success = true, Message = r.Data ? "policy enabled" : "policy disabled: halting smoothly" };
            }),
            node.CreateService<TriggerService, TriggerRequest, TriggerResponse>("~/reset", q, _ =>
            {
                var ok = policy.Reset();
                return new() { Success = ok, Message = ok ? "reset" : "not configured" };
            }),
        ];
    }

    /// <summary>Transition descriptions available from <paramref name="state"/>.</summary>
    public static IEnumerable<TransitionDescription> Transitions(LifecycleState state) =>
        LifecycleTable.Available(state).Select(t => new TransitionDescription
        {
            Transition = new TransitionMsg { Id = (byte)t, Label = LifecycleTable.Label(t) },
            StartState = State(state),
            GoalState = State(LifecycleTable.Intermediate(t)),
        });

    /// <inheritdoc />
    public void Dispose() => _servers.ForEach(s => s.Dispose());

    private static StateMsg State(LifecycleState s) => new() { Id = (byte)s, Label = LifecycleTable.Label(s) };
}
