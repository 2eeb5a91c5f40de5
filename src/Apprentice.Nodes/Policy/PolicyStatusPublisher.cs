using Apprentice.Core.Policies;
using Apprentice.Core.Status;
using Apprentice.Dds.Transport;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Qos;
using PolicyStatusMsg = Apprentice.Ros.Msgs.Apprentice.PolicyStatus;

namespace Apprentice.Nodes.Policy;

/// <summary>Publishes <c>~/status</c> (<c>apprentice/msg/PolicyStatus</c>) after every tick from one reused message.</summary>
/// <remarks>Control thread; allocation-free.</remarks>
internal sealed class PolicyStatusPublisher : IDisposable
{
    private readonly Publisher<PolicyStatusMsg> _publisher;
    private readonly PolicyStatusMsg _message = new() { OodScore = double.NaN, AuthorityReasons = [] };
    private readonly TimeProvider _time;

    public PolicyStatusPublisher(ITransport transport, TimeProvider time)
    {
        _publisher = transport.CreatePublisher<PolicyStatusMsg>("~/status", QosProfiles.Default, 512);
        _time = time;
    }

    public void Publish(in PolicyStatusSnapshot s, PolicyRuntime r, bool enabled)
    {
        var m = _message;
        RosStamp.Now(_time, m.Header.Stamp);
        m.Tick = (ulong)s.Tick;
        m.Outcome = !enabled && !s.Intervention ? PolicyStatusMsg.OUTCOME_DISABLED : s.Outcome switch
        {
            PolicyOutcome.Ok => PolicyStatusMsg.OUTCOME_OK,
            PolicyOutcome.BudgetExceeded => PolicyStatusMsg.OUTCOME_BUDGET_EXCEEDED,
            PolicyOutcome.InvalidOutput => PolicyStatusMsg.OUTCOME_INVALID_OUTPUT,
            PolicyOutcome.ModelError => PolicyStatusMsg.OUTCOME_MODEL_ERROR,
            _ => PolicyStatusMsg.OUTCOME_INPUTS_STALE,
        };
        m.CommandSource = Source(s, r.Stage);
        m.ExecutionProvider = r.Session.ExecutionProvider;
        var l = s.Latencies;
        (m.SnapshotLatency, m.PreprocessLatency, m.InferenceLatency) = (l.Snapshot.TotalSeconds, l.Preprocess.TotalSeconds, l.Inference.TotalSeconds);
        (m.SafetyLatency, m.PublishLatency, m.TotalLatency) = (l.Safety.TotalSeconds, l.Publish.TotalSeconds, l.Total.TotalSeconds);
        m.Budget = r.Loop.Options.EffectiveBudget.TotalSeconds;
        m.PolicyAuthority = s.Alpha;
        m.SafetyRulesActing = SafetyEventCodes.From(r.Stage.LastStatus);
        m.OodScore = r.Stage.LastOodScore;
        m.Intervention = s.Intervention;
        m.DeadlineMisses = (ulong)r.Loop.Counters.DeadlineMisses;
        m.StaleInputTicks = (ulong)r.Loop.Counters.Count(PolicyOutcome.InputsStale);
        _publisher.Publish(m);
    }

    public void Dispose() => _publisher.Dispose();

    private static byte Source(in PolicyStatusSnapshot s, SafetyStage stage) => s.Source switch
    {
        CommandSource.Human => PolicyStatusMsg.SOURCE_HUMAN,
        _ when stage.Halting || s.Source == CommandSource.None => PolicyStatusMsg.SOURCE_HALT,
        CommandSource.Policy when s.Alpha >= 1 => PolicyStatusMsg.SOURCE_POLICY,
        CommandSource.Policy when s.Alpha > 0 => PolicyStatusMsg.SOURCE_BLEND,
        _ => stage.Planned ? PolicyStatusMsg.SOURCE_PLANNER : PolicyStatusMsg.SOURCE_HALT,
    };
}
