using Apprentice.Core.Policies;

namespace Apprentice.Core.Status;

/// <summary>
/// What the node publishes on <c>~/status</c> after each tick: the outcome, who commanded, stage
/// latencies, the policy authority α, the safety rules that acted and the intervention flag.
/// An immutable value; building one allocates nothing.
/// </summary>
/// <param name="Tick">Tick number (0 for the first tick).</param>
/// <param name="TickTime">Scheduled monotonic time of the tick.</param>
/// <param name="Outcome">The policy outcome of the tick.</param>
/// <param name="Source">Who produced the published command.</param>
/// <param name="Latencies">Time per stage.</param>
/// <param name="Alpha">Policy authority α ∈ [0, 1] (1 until the blending stage sets it; 0 on fallback).</param>
/// <param name="SafetyRuleFlags">Bit set of safety rules that acted (defined by the safety filter; 0 = none).</param>
/// <param name="Intervention">Whether a human command replaced the policy this tick.</param>
/// <param name="StaleInputMask">Bit i set when snapshot input i was not fresh.</param>
/// <param name="MissedTicks">Scheduled ticks skipped just before this one.</param>
public readonly record struct PolicyStatusSnapshot(
    long Tick,
    TimeSpan TickTime,
    PolicyOutcome Outcome,
    CommandSource Source,
    StageLatencies Latencies,
    double Alpha,
    ulong SafetyRuleFlags,
    bool Intervention,
    ulong StaleInputMask,
    long MissedTicks)
{
    /// <summary>Readable outcome text.</summary>
    public string OutcomeText => Outcome.Describe();
}
