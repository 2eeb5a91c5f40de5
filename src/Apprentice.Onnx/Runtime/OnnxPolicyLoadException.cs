namespace Apprentice.Onnx.Runtime;

/// <summary>
/// A policy model could not be loaded: the file is missing or not a valid ONNX model, or it
/// fails during warm-up. Thrown at configure time only. Card problems throw
/// <see cref="Apprentice.Core.Policies.Card.PolicyCardException"/> instead.
/// </summary>
public sealed class OnnxPolicyLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OnnxPolicyLoadException()
    {
    }

    /// <summary>Creates the exception with a message saying what to fix.</summary>
    public OnnxPolicyLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public OnnxPolicyLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
