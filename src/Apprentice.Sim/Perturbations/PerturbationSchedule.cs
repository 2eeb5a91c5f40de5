using Apprentice.Safety.Geometry;
using Apprentice.Sim.Tasks;

namespace Apprentice.Sim.Perturbations;

/// <summary>The perturbations of one episode, ordered by start time. Immutable; thread-safe.</summary>
public sealed class PerturbationSchedule
{
    /// <summary>Creates a schedule from explicit perturbations.</summary>
    public PerturbationSchedule(IEnumerable<Perturbation> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items.OrderBy(p => p.Start)];
    }

    // An array, so the per-step queries below iterate without allocating an enumerator.
    private readonly Perturbation[] _items;

    /// <summary>An empty schedule.</summary>
    public static PerturbationSchedule None { get; } = new([]);

    /// <summary>The perturbations, by start time.</summary>
    public IReadOnlyList<Perturbation> Items => _items;

    /// <summary>Whether <paramref name="topic"/> is dropped at episode time <paramref name="t"/>.</summary>
    public bool IsDropped(string topic, TimeSpan t)
    {
        foreach (var p in _items)
        {
            if (p is SensorDropoutPerturbation d && d.Topic == topic && d.IsActive(t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Extra latency of <paramref name="topic"/> at episode time <paramref name="t"/> (zero when none).</summary>
    public TimeSpan DelayOf(string topic, TimeSpan t)
    {
        var delay = TimeSpan.Zero;
        foreach (var p in _items)
        {
            if (p is SensorDelayPerturbation d && d.Topic == topic && d.IsActive(t) && d.Delay > delay)
            {
                delay = d.Delay;
            }
        }

        return delay;
    }

    /// <summary>Where the obstacle is at episode time <paramref name="t"/>: an active intrusion's position (sliding from <paramref name="park"/>), else null (parked).</summary>
    public Vec3? ObstacleAt(TimeSpan t, Vec3 park)
    {
        foreach (var p in _items)
        {
            if (p is ObstacleIntrusionPerturbation o && o.IsActive(t))
            {
                return o.PositionAt(t, park);
            }
        }

        return null;
    }

    /// <summary>
    /// Draws the perturbations of <paramref name="episode"/> from its seed and index (independent of the episode's own
    /// draws). The intrusion slides the obstacle under the midpoint of the straight line from <paramref name="startTcp"/>
    /// to the target, resting on the table.
    /// </summary>
    public static PerturbationSchedule Generate(ReachEpisode episode, Vec3 startTcp, PerturbationOptions options, double obstacleHalfHeightM = 0.15)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(unchecked((episode.Seed * 7_919) + (episode.Index * 104_729) + 17));
        if (options.LatestStart < options.EarliestStart || options.EarliestStart < TimeSpan.Zero)
        {
            throw new ArgumentException("perturbation options: need 0 ≤ EarliestStart ≤ LatestStart", nameof(options));
        }

        TimeSpan Start() => options.EarliestStart + ((options.LatestStart - options.EarliestStart) * random.NextDouble());
        var items = new List<Perturbation>();
        if (options.Push)
        {
            var impulse = Enumerable.Range(0, 7).Select(_ => options.PushMaxRadPerSec * ((2 * random.NextDouble()) - 1)).ToArray();
            items.Add(new PushPerturbation(Start(), impulse));
        }

        if (options.Dropout)
        {
            items.Add(new SensorDropoutPerturbation(Start(), options.DropoutDuration, "/joint_states"));
        }

        if (options.Delay)
        {
            items.Add(new SensorDelayPerturbation(Start(), options.DelayDuration, "/joint_states", options.DelayAmount));
        }

        if (options.Intrusion)
        {
            var mid = 0.5 * (startTcp + episode.Target);
            items.Add(new ObstacleIntrusionPerturbation(Start(), options.IntrusionDuration, new Vec3(mid.X, mid.Y, obstacleHalfHeightM), options.IntrusionSlideIn));
        }

        return new PerturbationSchedule(items);
    }
}
