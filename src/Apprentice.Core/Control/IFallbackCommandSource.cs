namespace Apprentice.Core.Control;

/// <summary>
/// Port: the command used when the policy's is not (late, invalid, stale inputs, model error).
/// Adapters: the safety planner's command (later), <see cref="SmoothHaltFallback"/>.
/// </summary>
/// <remarks>Real-time contract: control thread; allocation-free; should not throw (the loop catches and publishes nothing).</remarks>
public interface IFallbackCommandSource
{
    /// <summary>Writes the fallback command; false when it has none (then nothing is published this tick).</summary>
    bool TryProduce(in FallbackContext context, Span<double> command);
}
