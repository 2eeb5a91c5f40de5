namespace Apprentice.Learning.Export;

/// <summary>What goes into the exported model besides the weights.</summary>
public sealed record PolicyExportOptions
{
    /// <summary>Defaults.</summary>
    public static PolicyExportOptions Default { get; } = new();

    /// <summary>Policy name in the card. Default <c>bc-mlp</c>.</summary>
    public string Name { get; init; } = "bc-mlp";

    /// <summary>Units of the action values in the card. Default <c>rad/s</c>.</summary>
    public string ActionUnits { get; init; } = "rad/s";

    /// <summary>Free text stored as the model's doc string (e.g. the training command); empty for none.</summary>
    public string DocString { get; init; } = "";
}
