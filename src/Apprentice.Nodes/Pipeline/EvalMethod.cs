namespace Apprentice.Nodes.Pipeline;

/// <summary>A method compared in closed loop. Immutable.</summary>
/// <param name="Name">Report label ("bc", "bc+planner", "dagger", "expert").</param>
/// <param name="ModelPath">The ONNX policy; null runs the scripted expert as the reference.</param>
/// <param name="Blending">Policy node <c>safety.blending</c> (planner authority blending on/off).</param>
/// <param name="AnchorPath">Demonstration anchor for the planner (<c>safety.anchor_path</c>); null for none.</param>
public sealed record EvalMethod(string Name, string? ModelPath, bool Blending, string? AnchorPath = null);
