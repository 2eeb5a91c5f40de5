namespace Apprentice.Learning.Dataset;

/// <summary>One episode of a bag as the recorder marked it (times: receive clock, ns since the epoch).</summary>
/// <param name="Index">Episode number within the bag.</param>
/// <param name="Task">Task text ("" when none).</param>
/// <param name="StartNs">Start time.</param>
/// <param name="StopNs">Stop (or discard) time; null when the episode never stopped (then it ends with the bag).</param>
/// <param name="Success">Outcome label; null when not labelled.</param>
/// <param name="Discarded">True when discarded.</param>
public sealed record EpisodeInfo(uint Index, string Task, long StartNs, long? StopNs, bool? Success, bool Discarded);
