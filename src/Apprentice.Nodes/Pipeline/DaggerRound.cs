namespace Apprentice.Nodes.Pipeline;

/// <summary>One DAgger round.</summary>
/// <param name="Round">0 = behavioural cloning on the demonstrations alone; r ≥ 1 = after r rounds of corrections.</param>
/// <param name="Episodes">Supervised episodes run with the previous round's policy (0 in round 0).</param>
/// <param name="Succeeded">Of those, solved (the expert's takeovers included).</param>
/// <param name="InterventionTicks">Ticks the expert held the arm.</param>
/// <param name="LabelsAdded">Expert labels (training samples) added this round.</param>
/// <param name="TotalLabels">Expert labels the round's model was trained on (demonstrations plus corrections).</param>
/// <param name="ModelPath">The round's model.</param>
/// <param name="Elapsed">Wall time of the round (rollouts and training).</param>
public sealed record DaggerRound(int Round, int Episodes, int Succeeded, long InterventionTicks, long LabelsAdded, long TotalLabels, string ModelPath, TimeSpan Elapsed);
