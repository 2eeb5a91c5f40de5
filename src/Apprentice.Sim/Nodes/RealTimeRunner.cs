namespace Apprentice.Sim.Nodes;

/// <summary>
/// Runs a <see cref="SimNode"/> against a wall clock: every <paramref name="tick"/> it steps the simulation by the
/// wall time that has passed (capped at 0.1 s per tick so a stall does not cause a burst), then calls
/// <paramref name="afterStep"/> (e.g. to reset finished episodes or tick an in-process expert).
/// </summary>
public static class RealTimeRunner
{
    private static readonly TimeSpan MaxCatchUp = TimeSpan.FromSeconds(0.1);

    /// <summary>Steps until <paramref name="cancellation"/> fires; returns normally on cancellation.</summary>
    public static async Task RunAsync(SimNode node, TimeProvider wall, TimeSpan tick, Action? afterStep, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(wall);
        using var timer = new PeriodicTimer(tick, wall);
        var last = wall.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellation).ConfigureAwait(false))
            {
                var now = wall.GetTimestamp();
                var elapsed = wall.GetElapsedTime(last, now);
                last = now;
                node.Step(elapsed < MaxCatchUp ? elapsed : MaxCatchUp);
                afterStep?.Invoke();
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Normal stop.
        }
    }
}
