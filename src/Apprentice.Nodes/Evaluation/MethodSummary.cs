namespace Apprentice.Nodes.Evaluation;

/// <summary>Aggregate of the episodes of one method.</summary>
/// <param name="Method">Method name.</param>
/// <param name="Episodes">Episodes without perturbation.</param>
/// <param name="SuccessRate">Successes / episodes (0 when none).</param>
/// <param name="SuccessCiLow">Lower bound of the 95 % Wilson interval of the success rate.</param>
/// <param name="SuccessCiHigh">Upper bound of the 95 % Wilson interval.</param>
/// <param name="MedianTimeToSuccessSec">Median time to success of the solved episodes [s] (NaN when none).</param>
/// <param name="Collisions">Collisions over all episodes (perturbed ones included).</param>
/// <param name="MinClearanceM">Smallest clearance over all episodes [m].</param>
/// <param name="SafetyActivationRate">Ticks with a safety rule acting / ticks.</param>
/// <param name="DeadlineMissRate">Deadline misses / ticks.</param>
/// <param name="InterventionRate">Intervention ticks / ticks.</param>
/// <param name="PerturbedEpisodes">Episodes with an injected perturbation.</param>
/// <param name="RecoveryRate">Perturbed episodes still solved / perturbed episodes (NaN when none).</param>
/// <param name="LatencyP50Ms">Median inference latency [ms] (NaN when none).</param>
/// <param name="LatencyP99Ms">99th percentile inference latency [ms] (NaN when none).</param>
public sealed record MethodSummary(
    string Method,
    int Episodes,
    double SuccessRate,
    double SuccessCiLow,
    double SuccessCiHigh,
    double MedianTimeToSuccessSec,
    int Collisions,
    double MinClearanceM,
    double SafetyActivationRate,
    double DeadlineMissRate,
    double InterventionRate,
    int PerturbedEpisodes,
    double RecoveryRate,
    double LatencyP50Ms,
    double LatencyP99Ms)
{
    /// <summary>Summarises <paramref name="outcomes"/> (all of one method).</summary>
    public static MethodSummary Of(string method, IReadOnlyList<EpisodeOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var nominal = outcomes.Where(o => o.Perturbation is null).ToArray();
        var perturbed = outcomes.Where(o => o.Perturbation is not null).ToArray();
        var successes = nominal.Count(o => o.Success);
        var (low, high) = Wilson(successes, nominal.Length);
        var ticks = Math.Max(1, outcomes.Sum(o => o.Ticks));
        var latencies = outcomes.SelectMany(o => o.LatencyMs).Order().ToArray();
        return new MethodSummary(
            method,
            nominal.Length,
            nominal.Length == 0 ? 0 : (double)successes / nominal.Length,
            low,
            high,
            Percentile([.. nominal.Where(o => o.TimeToSuccessSec.HasValue).Select(o => o.TimeToSuccessSec!.Value).Order()], 0.5),
            outcomes.Sum(o => o.Collisions),
            outcomes.Count == 0 ? double.PositiveInfinity : outcomes.Min(o => o.MinClearanceM),
            (double)outcomes.Sum(o => o.SafetyActivationTicks) / ticks,
            (double)outcomes.Sum(o => o.DeadlineMisses) / ticks,
            (double)outcomes.Sum(o => o.InterventionTicks) / ticks,
            perturbed.Length,
            perturbed.Length == 0 ? double.NaN : (double)perturbed.Count(o => o.Success) / perturbed.Length,
            Percentile(latencies, 0.5),
            Percentile(latencies, 0.99));
    }

    /// <summary>Nearest-rank percentile of sorted values (NaN when empty).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(q * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>95 % Wilson score interval of <paramref name="k"/> successes in <paramref name="n"/> trials.</summary>
    public static (double Low, double High) Wilson(int k, int n)
    {
        if (n == 0)
        {
            return (0, 1);
        }

        const double z = 1.959963984540054;
        var p = (double)k / n;
        var denominator = 1 + (z * z / n);
        var centre = (p + (z * z / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4.0 * n * n))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
