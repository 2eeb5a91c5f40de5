namespace Apprentice.Core.Control;

/// <summary>How the loop gets actions from the policy.</summary>
public enum ControlMode
{
    /// <summary>Inference runs inside every tick under the inference budget.</summary>
    Synchronous,

    /// <summary>An inference worker produces action chunks; the loop executes and ensembles them at the control rate.</summary>
    Chunked,
}
