namespace Apprentice.Nodes.Pipeline;

/// <summary>
/// When the supervising expert takes over from the policy (HG-DAgger). Two triggers: the policy's published command
/// differs from what the expert would command in the same state by more than <see cref="DivergenceRadPerSec"/>
/// (Euclidean norm over the 7 joints); or the TCP is still farther than <see cref="StrayRadiusM"/> from the target after
/// <see cref="StrayAfter"/> of episode time, when the expert's own path has long arrived (a policy that stalls or hovers
/// near the goal commands small velocities the divergence test misses). A takeover lasts at least
/// <see cref="MinTakeoverTicks"/> control ticks, then the policy gets the arm back and is judged again. Immutable.
/// </summary>
/// <param name="DivergenceRadPerSec">Action divergence that triggers a takeover [rad/s].</param>
/// <param name="MinTakeoverTicks">Smallest takeover length [ticks].</param>
/// <param name="StrayRadiusM">TCP-to-target distance beyond which a late TCP counts as strayed [m].</param>
/// <param name="StrayAfter">Episode time after which the stray test applies (the expert needs about 1–2 s).</param>
public sealed record TakeoverGate(double DivergenceRadPerSec, int MinTakeoverTicks, double StrayRadiusM, TimeSpan StrayAfter)
{
    /// <summary>0.15 rad/s divergence, at least 10 ticks (0.5 s at 20 Hz), stray beyond 0.02 m after 2.5 s.</summary>
    public static TakeoverGate Default { get; } = new(0.15, 10, 0.02, TimeSpan.FromSeconds(2.5));
}
