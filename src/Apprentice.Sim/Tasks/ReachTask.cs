using Apprentice.Safety.Geometry;
using Apprentice.Sim.Scene;

namespace Apprentice.Sim.Tasks;

/// <summary>
/// Generates seeded reach episodes: the home pose plus uniform noise and a target drawn uniformly in the target
/// box. The same (seed, index) always gives the same episode, independent of the order episodes are asked for.
/// Immutable; thread-safe.
/// </summary>
public sealed class ReachTask
{
    /// <summary>Creates the generator.</summary>
    public ReachTask(ReachTaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The episode parameters.</summary>
    public ReachTaskOptions Options { get; }

    /// <summary>Episode <paramref name="index"/> of the run seeded with <paramref name="seed"/>.</summary>
    public ReachEpisode Generate(int seed, int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var q = new double[7];
        for (var i = 0; i < 7; i++)
        {
            q[i] = Options.Home[i] + (Options.HomeNoiseRad * ((2 * random.NextDouble()) - 1));
        }

        var (lo, hi) = (Options.TargetMin, Options.TargetMax);
        var target = new Vec3(
            lo.X + ((hi.X - lo.X) * random.NextDouble()),
            lo.Y + ((hi.Y - lo.Y) * random.NextDouble()),
            lo.Z + ((hi.Z - lo.Z) * random.NextDouble()));
        return new ReachEpisode(seed, index, q, target, Options.ObstaclePark);
    }
}
