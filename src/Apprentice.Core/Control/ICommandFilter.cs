using Apprentice.Core.Observations;
using Apprentice.Core.Status;

namespace Apprentice.Core.Control;

/// <summary>
/// Port: the safety stage between the chosen command and the sink (blending with the planner and
/// the safety filter). It may only make the command more conservative.
/// </summary>
/// <remarks>Real-time contract: control thread; allocation-free; exceptions are caught by the tick barrier.</remarks>
public interface ICommandFilter
{
    /// <summary>Filters <paramref name="command"/> in place; returns the rules that acted and α.</summary>
    CommandFilterResult Apply(TimeSpan now, TimeSpan period, ObservationSnapshot snapshot, CommandSource source, Span<double> command);
}

/// <summary>What the safety stage did.</summary>
/// <param name="SafetyRuleFlags">Rules that acted (bit set defined by the safety filter).</param>
/// <param name="Alpha">Policy authority α ∈ [0, 1] used for blending.</param>
public readonly record struct CommandFilterResult(ulong SafetyRuleFlags, double Alpha)
{
    /// <summary>Nothing acted; full authority.</summary>
    public static CommandFilterResult PassThrough => new(0, 1.0);
}
