using Apprentice.Safety.Geometry;
using Apprentice.Sim.Scene;

namespace Apprentice.Sim.Tasks;

/// <summary>
/// Judges one reach episode from samples of TCP position over episode time: success after the TCP has stayed within
/// the radius for the hold time, time-out at the limit. Once decided the outcome does not change. Not thread-safe.
/// </summary>
public sealed class ReachMonitor(ReachTaskOptions options)
{
    private readonly ReachTaskOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private TimeSpan? _insideSince;

    /// <summary>The outcome so far.</summary>
    public ReachOutcome Outcome { get; private set; }

    /// <summary>Episode time at which the outcome was decided (success: end of the hold).</summary>
    public TimeSpan? DecidedAt { get; private set; }

    /// <summary>Episode time at which the TCP first entered the radius for the successful hold.</summary>
    public TimeSpan? ReachedAt { get; private set; }

    /// <summary>Smallest TCP-to-target distance seen [m].</summary>
    public double MinDistanceM { get; private set; } = double.PositiveInfinity;

    /// <summary>Starts a new episode.</summary>
    public void Reset()
    {
        _insideSince = null;
        Outcome = ReachOutcome.Running;
        DecidedAt = null;
        ReachedAt = null;
        MinDistanceM = double.PositiveInfinity;
    }

    /// <summary>Feeds the state at episode time <paramref name="t"/>; returns the outcome.</summary>
    public ReachOutcome Update(TimeSpan t, Vec3 tcp, Vec3 target)
    {
        if (Outcome != ReachOutcome.Running)
        {
            return Outcome;
        }

        var d = (tcp - target).Length;
        MinDistanceM = Math.Min(MinDistanceM, d);
        if (d <= _options.SuccessRadiusM)
        {
            _insideSince ??= t;
            if (t - _insideSince.Value >= _options.Hold)
            {
                (Outcome, DecidedAt, ReachedAt) = (ReachOutcome.Succeeded, t, _insideSince);
                return Outcome;
            }
        }
        else
        {
            _insideSince = null;
        }

        if (t >= _options.TimeLimit)
        {
            (Outcome, DecidedAt) = (ReachOutcome.TimedOut, t);
        }

        return Outcome;
    }
}
