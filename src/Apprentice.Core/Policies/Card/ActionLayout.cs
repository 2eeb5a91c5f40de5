namespace Apprentice.Core.Policies.Card;

/// <summary>How to read the action output of the model.</summary>
public sealed record ActionLayout
{
    /// <summary>The model output holding the action (float32, <c>[1, J]</c> or <c>[1, chunk, J]</c>).</summary>
    public required string OutputName { get; init; }

    /// <summary>Commanded joints in output order (the innermost axis).</summary>
    public required IReadOnlyList<string> JointNames { get; init; }

    /// <summary>What each value commands.</summary>
    public required ActionMode Mode { get; init; }

    /// <summary>Units of the values, for example <c>"rad"</c>, <c>"rad/s"</c>, <c>"m"</c>.</summary>
    public required string Units { get; init; }
}
