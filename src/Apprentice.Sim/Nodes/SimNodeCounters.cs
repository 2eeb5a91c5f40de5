namespace Apprentice.Sim.Nodes;

/// <summary>What a <see cref="SimNode"/> has published and received (monotonic counts since construction).</summary>
/// <param name="JointStates">/joint_states messages published.</param>
/// <param name="Scans">/scan messages published.</param>
/// <param name="Goals">/goal_pose messages published.</param>
/// <param name="Clocks">/clock messages published.</param>
/// <param name="Images">/camera/image_raw messages published.</param>
/// <param name="CommandsAccepted">Joint commands accepted.</param>
/// <param name="CommandsRejected">Joint commands refused (each logged with its reason).</param>
/// <param name="LastRejection">The last refusal: topic, reason and detail.</param>
public sealed record SimNodeCounters(long JointStates, long Scans, long Goals, long Clocks, long Images, long CommandsAccepted, long CommandsRejected, string? LastRejection);
