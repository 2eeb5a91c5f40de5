namespace Apprentice.Core.Policies.Card;

/// <summary>
/// A policy card is missing, unreadable, or does not match the model or the robot. Thrown at
/// configure time only; <see cref="Errors"/> lists every problem found, each naming its field.
/// </summary>
public sealed class PolicyCardException : Exception
{
    /// <summary>Creates the exception from the problems found in the card of <paramref name="origin"/>.</summary>
    /// <param name="origin">Where the card came from (usually the model path).</param>
    /// <param name="errors">Every problem found (at least one).</param>
    /// <param name="innerException">Optional cause (for example a JSON parse error).</param>
    public PolicyCardException(string origin, IReadOnlyList<PolicyCardError> errors, Exception? innerException = null)
        : base(Format(origin, errors), innerException)
    {
        Origin = origin;
        Errors = errors;
    }

    /// <summary>Creates the exception with a message only (no field list).</summary>
    public PolicyCardException(string message)
        : base(message)
    {
        Origin = string.Empty;
        Errors = [];
    }

    /// <summary>Creates the exception with a message and a cause (no field list).</summary>
    public PolicyCardException(string message, Exception innerException)
        : base(message, innerException)
    {
        Origin = string.Empty;
        Errors = [];
    }

    /// <summary>Creates the exception with no detail.</summary>
    public PolicyCardException()
    {
        Origin = string.Empty;
        Errors = [];
    }

    /// <summary>Where the card came from (usually the model path).</summary>
    public string Origin { get; }

    /// <summary>Every problem found, one per field.</summary>
    public IReadOnlyList<PolicyCardError> Errors { get; }

    private static string Format(string origin, IReadOnlyList<PolicyCardError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var lines = errors.Select(e => "  - " + e);
        var noun = errors.Count == 1 ? "problem" : "problems";
        return $"Policy card ('{PolicyCard.MetadataKey}') of '{origin}' is invalid ({errors.Count} {noun}):"
            + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
