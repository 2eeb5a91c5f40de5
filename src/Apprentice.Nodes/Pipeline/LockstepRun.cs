using Apprentice.Nodes.Evaluation;

namespace Apprentice.Nodes.Pipeline;

/// <summary>One lockstep episode: its evaluation outcome and, for determinism checks, every command the sim received.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Commands">The velocity commands published on /forward_velocity_controller/commands, in order.</param>
/// <param name="ExpertLabels">Ticks at which the supervising expert commanded (DAgger labels; 0 otherwise).</param>
public sealed record LockstepRun(EpisodeOutcome Outcome, IReadOnlyList<double[]> Commands, long ExpertLabels);
