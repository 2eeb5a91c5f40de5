namespace Apprentice.Nodes.Pipeline;

/// <summary>
/// When the supervising expert takes over from the policy (HG-DAgger): the policy's published command differs from
/// what the expert would command in the same state by more than <see cref="DivergenceRadPerSec"/> (Euclidean norm over
/// the 7 joints). A takeover lasts at least <see cref="MinTakeoverTicks"/> control ticks, then the policy gets the arm
/// back (and is judged again). Immutable.
/// </summary>
/// <param name="DivergenceRadPerSec">Action divergence that triggers a takeover [rad/s].</param>
/// <param name="MinTakeoverTicks">Smallest takeover length [ticks].</param>
public sealed record TakeoverGate(double DivergenceRadPerSec, int MinTakeoverTicks)
{
    /// <summary>0.15 rad/s divergence, at least 10 ticks (0.5 s at 20 Hz).</summary>
    public static TakeoverGate Default { get; } = new(0.15, 10);
}
