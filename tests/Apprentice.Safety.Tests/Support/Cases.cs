using Apprentice.Safety.Filter.Rules;
using Apprentice.Safety.Limits;

namespace Apprentice.Safety.Tests.Support;

/// <summary>Random limits and states for property tests, built from one seed (CsCheck supplies the seeds).</summary>
internal sealed class Cases(int seed)
{
    private readonly Random _rng = new(seed);

    public double Uniform(double lo, double hi) => lo + (_rng.NextDouble() * (hi - lo));

    public bool Chance(double p) => _rng.NextDouble() < p;

    public int Int(int lo, int hiExclusive) => _rng.Next(lo, hiExclusive);

    public JointLimits[] Limits(int n) => Enumerable.Range(0, n).Select(_ =>
    {
        var min = Uniform(-3, 0);
        var max = Chance(0.2) ? double.PositiveInfinity : min + Uniform(0.3, 5);
        var lo = double.IsPositiveInfinity(max) ? double.NegativeInfinity : min;
        var acc = Uniform(0.5, 30);
        var l = new JointLimits(lo, max, Uniform(0.2, 3), acc, Chance(0.5) ? acc : Uniform(0.5, 30), Chance(0.3) ? double.PositiveInfinity : Uniform(50, 10000), 100);
        return Chance(0.3) && double.IsFinite(max) ? l with { SoftLowerLimit = lo + 0.05, SoftUpperLimit = max - 0.05, KPosition = Uniform(1, 100) } : l;
    }).ToArray();

    /// <summary>A position inside the limits less the margin.</summary>
    public double[] Positions(JointLimits[] limits, double margin) => limits.Select(l =>
        double.IsFinite(l.MaxPosition) ? Uniform(l.MinPosition + margin, l.MaxPosition - margin) : Uniform(-10, 10)).ToArray();

    /// <summary>A velocity within the limit that can still brake before the position limits (the filter's invariant).</summary>
    public double[] ReachableVelocities(JointLimits[] limits, double[] q, double margin, bool jerkAware)
    {
        var v = new double[limits.Length];
        for (var i = 0; i < v.Length; i++)
        {
            var l = limits[i];
            var hi = Math.Min(l.MaxVelocity, PositionLimitRule.BrakingSpeed(l.MaxPosition - margin - q[i], l.MaxDeceleration, l.MaxJerk, 0, jerkAware));
            var lo = Math.Max(-l.MaxVelocity, -PositionLimitRule.BrakingSpeed(q[i] - l.MinPosition - margin, l.MaxDeceleration, l.MaxJerk, 0, jerkAware));
            v[i] = Chance(0.1) ? 0 : Chance(0.2) ? (Chance(0.5) ? hi : lo) : Uniform(lo, hi);
        }

        return v;
    }

    public double[] Accelerations(JointLimits[] limits) =>
        limits.Select(l => Chance(0.3) ? 0 : Uniform(-1, 1) * Math.Min(l.MaxAcceleration, l.MaxDeceleration)).ToArray();

    /// <summary>Commands: mostly within a few times the velocity limit, sometimes huge or non-finite.</summary>
    public double[] Commands(JointLimits[] limits) => limits.Select(l =>
        Chance(0.01) ? double.NaN : Chance(0.02) ? 1e6 : Uniform(-3, 3) * l.MaxVelocity).ToArray();
}
