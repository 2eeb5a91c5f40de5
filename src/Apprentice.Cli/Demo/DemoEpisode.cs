namespace Apprentice.Cli.Demo;

/// <summary>One finished demo episode: the sim's verdict and the policy's ticks during it.</summary>
/// <param name="Index">Episode index (the sim's episode (seed, index)).</param>
/// <param name="Success">The sim reported success.</param>
/// <param name="TimeSec">Time to success, or the episode's duration when it failed [s] (sim time).</param>
/// <param name="Collisions">Collisions the sim counted.</param>
/// <param name="MinClearanceM">Smallest arm-obstacle distance [m].</param>
/// <param name="Ticks">Policy ticks seen.</param>
/// <param name="LatencyMs">Policy total latency per tick [ms].</param>
/// <param name="SafetyTicks">Ticks in which a safety rule acted.</param>
/// <param name="RulesActing">OR of the SafetyEvent codes that acted.</param>
/// <param name="DeadlineMisses">Ticks over the latency budget.</param>
/// <param name="BagEpisode">The recorder's episode index.</param>
internal sealed record DemoEpisode(
    int Index, bool Success, double TimeSec, int Collisions, double MinClearanceM, long Ticks, IReadOnlyList<double> LatencyMs,
    long SafetyTicks, uint RulesActing, long DeadlineMisses, uint BagEpisode);
